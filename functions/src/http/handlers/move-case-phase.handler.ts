import { moveCasePhase } from '../../app/cases/move-case-phase';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { MoveCasePhaseRequestSchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

/** POST /api/v1/cases/{id}/phase: moves the case when every phase gate holds (If-Match). Authorized by can() on the loaded case (404 invisible, 403 not allowed). */
export const moveCasePhaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'access'>) =>
  defineEndpoint({
    name: 'moveCasePhase',
    methods: ['POST'],
    route: 'v1/cases/{id}/phase',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.movePhase') };
      const body = await parseJsonBody(request, MoveCasePhaseRequestSchema, maxChangeBytes);
      const changed = await moveCasePhase(deps, principal, { ...target, phase: body.phase }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
