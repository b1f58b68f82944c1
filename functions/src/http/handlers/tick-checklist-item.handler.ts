import { tickChecklistItem } from '../../app/cases/tick-checklist-item';
import { caseGuard } from '../../app/access/authorize';
import type { Dependencies } from '../../composition-root';
import { TickChecklistItemRequestSchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentCase } from '../presenters/case.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';

/** POST /api/v1/cases/{id}/checklist: ticks or unticks a checklist item (If-Match). Authorized by can() on the loaded case (404 invisible, 403 not allowed). */
export const tickChecklistItemEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'access'>) =>
  defineEndpoint({
    name: 'tickChecklistItem',
    methods: ['POST'],
    route: 'v1/cases/{id}/checklist',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const actor = await deps.access.actorFor(principal);
      const target = { ...caseChangeTarget(request), authorize: caseGuard(actor, 'case.tickChecklist') };
      const body = await parseJsonBody(request, TickChecklistItemRequestSchema, maxChangeBytes);
      const changed = await tickChecklistItem(deps, principal, { ...target, ...body }, log);
      return json(200, presentCase(changed.state, changed.etag, actor), { etag: changed.etag });
    },
  });
