import { addCaseLink, removeCaseLink } from '../../app/cases/link-cases';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { can } from '../../domain/access';
import type { CaseState } from '../../domain/cases';
import { AddCaseLinkRequestSchema, CaseLinkParamsSchema } from '../../contract/case-tasks';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';
import { optionalIfMatch, parseParams } from './case-type-input';

type Deps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'access'>;

/** POST /api/v1/cases/{id}/links { kind, case } (If-Match of this case): both sides get their view. */
export const addCaseLinkEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'addCaseLink',
    methods: ['POST'],
    route: 'v1/cases/{id}/links',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, AddCaseLinkRequestSchema, maxChangeBytes);
      const actor = await deps.access.actorFor(principal);
      const link = {
        ...target,
        kind: body.kind,
        otherId: body.case,
        authorize: caseGuard(actor, 'case.update'),
        sees: (other: CaseState) => can(actor, 'case.read', { kind: 'case', case: other }),
      };
      const changed = await addCaseLink(deps, principal, link, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });

/** DELETE /api/v1/cases/{id}/links/{otherId} (If-Match of this case). */
export const removeCaseLinkEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'removeCaseLink',
    methods: ['DELETE'],
    route: 'v1/cases/{id}/links/{otherId}',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id, otherId } = parseParams(request, CaseLinkParamsSchema);
      const actor = await deps.access.actorFor(principal);
      const unlink = { caseId: id, ifMatch: optionalIfMatch(request), otherId, authorize: caseGuard(actor, 'case.update') };
      const changed = await removeCaseLink(deps, principal, unlink, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
