import { assignCase } from '../../app/cases/assign-case';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { AssignCaseRequestSchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

/** POST /api/v1/cases/{id}/assign: (re)assigns the case to a tenant user (If-Match). Authorized by can() on the loaded case (404 invisible, 403 not allowed). */
export const assignCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'userDirectory' | 'access'>) =>
  defineEndpoint({
    name: 'assignCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/assign',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.assign') };
      const body = await parseJsonBody(request, AssignCaseRequestSchema, maxChangeBytes);
      const changed = await assignCase(deps, principal, { ...target, assigneeId: body.assigneeId }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
