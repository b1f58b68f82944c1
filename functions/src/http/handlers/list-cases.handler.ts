import { listMyWork } from '../../app/cases/list-my-work';
import type { Dependencies } from '../../composition-root';
import { CaseListQuerySchema } from '../../contract/case-summary';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { presentCaseList } from '../presenters/case-summary.presenter';

/** GET /api/v1/cases?queue=mine: the caller's work queue from the read model. */
export const listCasesEndpoint = (deps: Pick<Dependencies, 'workQueue'>) =>
  defineEndpoint({
    name: 'listCases',
    methods: ['GET'],
    route: 'v1/cases',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const query = parseQuery(request, CaseListQuerySchema);
      // authorize: one's own queue is always visible; team and all queues will need a policy (issue 4).
      const page = await listMyWork(
        principal,
        { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
        deps.workQueue,
      );
      return json(200, presentCaseList(page));
    },
  });
