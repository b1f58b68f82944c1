import { visibleWork } from '../../app/access/visible-work';
import { listMyWork } from '../../app/cases/list-my-work';
import type { Dependencies } from '../../composition-root';
import { CaseListQuerySchema } from '../../contract/case-summary';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { presentCaseList } from '../presenters/case-summary.presenter';

/** GET /api/v1/cases?queue=mine: the caller's work queue from the read model. */
export const listCasesEndpoint = (deps: Pick<Dependencies, 'workQueue' | 'access'>) =>
  defineEndpoint({
    name: 'listCases',
    methods: ['GET'],
    route: 'v1/cases',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const query = parseQuery(request, CaseListQuerySchema);
      const actor = await deps.access.actorFor(principal);
      // authorize: every row through the one policy (visibleWork), whichever queue it comes from.
      const page = await listMyWork(
        principal,
        { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
        deps.workQueue,
      );
      return json(200, presentCaseList(visibleWork(actor, page)));
    },
  });
