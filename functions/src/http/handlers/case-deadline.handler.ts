import { extendCase } from '../../app/cases/extend-case';
import { resumeCase } from '../../app/cases/resume-case';
import { suspendCase } from '../../app/cases/suspend-case';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { ExtendCaseRequestSchema, ResumeCaseRequestSchema, SuspendCaseRequestSchema } from '../../contract/case-lifecycle';
import { parseLocalDate } from '../../domain/calendar';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

type Deps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'access'>;

/** POST /api/v1/cases/{id}/suspend { on, reason, term } (If-Match). Authorized by can() on the loaded case. */
export const suspendCaseEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'suspendCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/suspend',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.suspend') };
      const body = await parseJsonBody(request, SuspendCaseRequestSchema, maxChangeBytes);
      const changed = await suspendCase(deps, principal, { ...target, ...body, on: parseLocalDate(body.on) }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });

/** POST /api/v1/cases/{id}/resume { on } (If-Match). */
export const resumeCaseEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'resumeCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/resume',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.resume') };
      const body = await parseJsonBody(request, ResumeCaseRequestSchema, maxChangeBytes);
      const changed = await resumeCase(deps, principal, { ...target, on: parseLocalDate(body.on) }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });

/** POST /api/v1/cases/{id}/extend { duration, reason } (If-Match). */
export const extendCaseEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'extendCase',
    methods: ['POST'],
    route: 'v1/cases/{id}/extend',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.extend') };
      const body = await parseJsonBody(request, ExtendCaseRequestSchema, maxChangeBytes);
      const changed = await extendCase(deps, principal, { ...target, ...body }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
