import { addCaseLink, removeCaseLink } from '../../app/cases/link-cases';
import type { Dependencies } from '../../composition-root';
import { AddCaseLinkRequestSchema, CaseLinkParamsSchema } from '../../contract/case-tasks';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';
import { optionalIfMatch, parseParams } from './case-type-input';

type Deps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock'>;

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
      const changed = await addCaseLink(deps, principal, { ...target, kind: body.kind, otherId: body.case }, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
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
      const changed = await removeCaseLink(deps, principal, { caseId: id, ifMatch: optionalIfMatch(request), otherId }, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });
