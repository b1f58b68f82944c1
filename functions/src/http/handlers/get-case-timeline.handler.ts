import { getCaseTimeline } from '../../app/cases/get-case-timeline';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import { CaseTimelineQuerySchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { parseParams } from './case-type-input';

/** GET /api/v1/cases/{id}/timeline: the case's events newest first, in Dutch and English. Authenticated for now (issue 6). */
export const getCaseTimelineEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'eventLog'>) =>
  defineEndpoint({
    name: 'getCaseTimeline',
    methods: ['GET'],
    route: 'v1/cases/{id}/timeline',
    policy: policies.authenticated,
    handler: async ({ request }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const query = parseQuery(request, CaseTimelineQuerySchema);
      const page = await getCaseTimeline(deps, id, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
      return json(200, page);
    },
  });
