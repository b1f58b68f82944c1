import { countQueues, listCases } from '../../app/cases/list-cases';
import type { Dependencies } from '../../composition-root';
import { CaseListQuerySchema } from '../../contract/case-summary';
import { amsterdamToday } from '../../domain/cases';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { presentCaseList } from '../presenters/case-summary.presenter';

type Deps = Pick<Dependencies, 'workQueue' | 'caseQueues' | 'caseTypes' | 'clock' | 'access'>;

/** GET /api/v1/cases?queue=mine|team|all&caseType=&status=&overdue=&atRisk=&sort=deadline: a work queue from the read model. */
export const listCasesEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'listCases',
    methods: ['GET'],
    route: 'v1/cases',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const query = parseQuery(request, CaseListQuerySchema);
      const today = amsterdamToday(deps.clock.now());
      // authorize: every row through the one policy (visibleRows) inside listCases, the one listing function.
      const page = await listCases(deps, principal, query, today);
      return json(200, presentCaseList(page, today));
    },
  });

/** GET /api/v1/queues: counts per queue (mine, team, each case type), at risk and overdue today. */
export const queueCountsEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'queueCounts',
    methods: ['GET'],
    route: 'v1/queues',
    policy: policies.authenticated,
    handler: async ({ principal }) => json(200, await countQueues(deps, principal, amsterdamToday(deps.clock.now()))),
  });
