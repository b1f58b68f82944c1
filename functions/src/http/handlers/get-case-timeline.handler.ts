import { authorizeCase } from '../../app/access/authorize';
import { recordCaseRead } from '../../app/access/record-case-read';
import { getCaseTimeline } from '../../app/cases/get-case-timeline';
import type { Dependencies } from '../../composition-root';
import { seesLinked } from '../../domain/access';
import { CaseIdParamsSchema } from '../../contract/case';
import { CaseTimelineQuerySchema } from '../../contract/case-lifecycle';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { parseParams } from './case-type-input';

/** GET /api/v1/cases/{id}/timeline: the case's events newest first, in Dutch and English; 404 when the caller may not see the case. Each read is recorded. */
export const getCaseTimelineEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'eventLog' | 'access' | 'accessLog' | 'clock'>) =>
  defineEndpoint({
    name: 'getCaseTimeline',
    methods: ['GET'],
    route: 'v1/cases/{id}/timeline',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const query = parseQuery(request, CaseTimelineQuerySchema);
      deps.accessLog.prepareAppend?.(id); // read ahead what recording the read needs (decision 0023)
      const actor = await deps.access.actorFor(principal);
      const page = await getCaseTimeline(
        deps,
        id,
        { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
        async (state) => {
          authorizeCase(actor, 'case.read', state);
          await recordCaseRead(deps, principal, state, 'timeline');
        },
        (link) => seesLinked(actor, link),
      );
      return json(200, page);
    },
  });
