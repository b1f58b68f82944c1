import { updateCase } from '../../app/cases/update-case';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { UpdateCaseRequestSchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

/** PATCH /api/v1/cases/{id}: title, description and fields (If-Match). Authorized by can() on the loaded case (404 invisible, 403 not allowed). */
export const updateCaseEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'access'>) =>
  defineEndpoint({
    name: 'updateCase',
    methods: ['PATCH'],
    route: 'v1/cases/{id}',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.update') };
      const body = await parseJsonBody(request, UpdateCaseRequestSchema, maxChangeBytes);
      const changed = await updateCase(deps, principal, { ...target, update: body }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
