import { closeCase } from '../../app/cases/close-case';
import { reopenCase } from '../../app/cases/reopen-case';
import { setCaseArchive } from '../../app/cases/set-case-archive';
import type { Dependencies } from '../../composition-root';
import { CloseCaseRequestSchema, ReopenCaseRequestSchema, SetCaseArchiveRequestSchema } from '../../contract/case-tasks';
import { parseLocalDate } from '../../domain/calendar';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

type Deps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes'>;

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
      const changed = await closeCase(deps, principal, request_, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
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
      const changed = await reopenCase(deps, principal, { ...target, reason: body.reason }, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });

/** PUT /api/v1/cases/{id}/archive { triggerDate?, reason } (If-Match): records managers, audited. */
export const setCaseArchiveEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'setCaseArchive',
    methods: ['PUT'],
    route: 'v1/cases/{id}/archive',
    policy: policies.recordsManage,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, SetCaseArchiveRequestSchema, maxChangeBytes);
      const request_ = {
        ...target,
        reason: body.reason,
        ...(body.triggerDate ? { triggerDate: parseLocalDate(body.triggerDate) } : {}),
      };
      const changed = await setCaseArchive(deps, principal, request_, log);
      return json(200, presentCase(changed.state, changed.etag, principal), { etag: changed.etag });
    },
  });
