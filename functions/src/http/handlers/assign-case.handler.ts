import { assignCase } from '../../app/cases/assign-case';
import type { Dependencies } from '../../composition-root';
import { AssignCaseRequestSchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

/** POST /api/v1/cases/{id}/assign: (re)assigns the case to a tenant user (If-Match). Any authenticated user for now; issue 6 narrows this with per-type grants. */
export const assignCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'userDirectory'>) =>
  defineEndpoint({
    name: 'assignCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/assign',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, AssignCaseRequestSchema, maxChangeBytes);
      const changed = await assignCase(deps, principal, { ...target, assigneeId: body.assigneeId }, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });
