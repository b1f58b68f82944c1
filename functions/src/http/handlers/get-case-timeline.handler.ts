import { caseGuard } from '../../app/access/authorize';
import { getCaseTimeline } from '../../app/cases/get-case-timeline';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import { CaseTimelineQuerySchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { parseParams } from './case-type-input';

/** GET /api/v1/cases/{id}/timeline: the case's events newest first, in Dutch and English.; 404 when the caller may not see the case. */
export const getCaseTimelineEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'eventLog' | 'access'>) =>
  defineEndpoint({
    name: 'getCaseTimeline',
    methods: ['GET'],
    route: 'v1/cases/{id}/timeline',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const query = parseQuery(request, CaseTimelineQuerySchema);
      const actor = await deps.access.actorFor(principal);
      const page = await getCaseTimeline(
        deps,
        id,
        { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
        caseGuard(actor, 'case.read'),
      );
      return json(200, page);
    },
  });
