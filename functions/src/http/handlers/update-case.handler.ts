import { updateCase } from '../../app/cases/update-case';
import type { Dependencies } from '../../composition-root';
import { UpdateCaseRequestSchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

/** PATCH /api/v1/cases/{id}: title, description and fields (If-Match). Any authenticated user for now; issue 6 narrows this with per-type grants. */
export const updateCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes'>) =>
  defineEndpoint({
    name: 'updateCase',
    methods: ['PATCH'],
    route: 'v1/cases/{id}',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, UpdateCaseRequestSchema, maxChangeBytes);
      const changed = await updateCase(deps, principal, { ...target, update: body }, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });
