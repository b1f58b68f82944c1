import { moveCasePhase } from '../../app/cases/move-case-phase';
import type { Dependencies } from '../../composition-root';
import { MoveCasePhaseRequestSchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

/** POST /api/v1/cases/{id}/phase: moves the case when every phase gate holds (If-Match). Any authenticated user for now; issue 6 narrows this with per-type grants. */
export const moveCasePhaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes'>) =>
  defineEndpoint({
    name: 'moveCasePhase',
    methods: ['POST'],
    route: 'v1/cases/{id}/phase',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, MoveCasePhaseRequestSchema, maxChangeBytes);
      const changed = await moveCasePhase(deps, principal, { ...target, phase: body.phase }, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });
