import { closeCase } from '../../app/cases/close-case';
import { reopenCase } from '../../app/cases/reopen-case';
import { setCaseArchive } from '../../app/cases/set-case-archive';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { CloseCaseRequestSchema, ReopenCaseRequestSchema, SetCaseArchiveRequestSchema } from '../../contract/case-tasks';
import { parseLocalDate } from '../../domain/calendar';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

type Deps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'access'>;

/** POST /api/v1/cases/{id}/close { outcome, on? } (If-Match): 422 lists every unmet condition. */
export const closeCaseEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'closeCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/close',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, CloseCaseRequestSchema, maxChangeBytes);
      const request_ = { ...target, outcome: body.outcome, ...(body.on ? { on: parseLocalDate(body.on) } : {}) };
      const actor = await deps.access.actorFor(principal);
      const changed = await closeCase(deps, principal, { ...request_, authorize: caseGuard(actor, 'case.close') }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });

/** POST /api/v1/cases/{id}/reopen { reason } (If-Match): coordinators and administrators. */
export const reopenCaseEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'reopenCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/reopen',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, ReopenCaseRequestSchema, maxChangeBytes);
      const actor = await deps.access.actorFor(principal);
      const changed = await reopenCase(
        deps,
        principal,
        { ...target, reason: body.reason, authorize: caseGuard(actor, 'case.reopen') },
        log,
      );
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });

/** PUT /api/v1/cases/{id}/archive { triggerDate?, reason } (If-Match): records managers, audited. */
export const setCaseArchiveEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'setCaseArchive',
    methods: ['PUT'],
    route: 'v1/cases/{id}/archive',
    policy: policies.authenticated, // records managers only: can(case.archive) on the loaded case
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, SetCaseArchiveRequestSchema, maxChangeBytes);
      const request_ = {
        ...target,
        reason: body.reason,
        ...(body.triggerDate ? { triggerDate: parseLocalDate(body.triggerDate) } : {}),
      };
      const actor = await deps.access.actorFor(principal);
      const changed = await setCaseArchive(deps, principal, { ...request_, authorize: caseGuard(actor, 'case.archive') }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
