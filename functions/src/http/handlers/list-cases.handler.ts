import type { HttpRequest } from '@azure/functions';
import { invalidInput } from '../../app/errors';
import { countQueues, listCases, listQueryProblems } from '../../app/cases/list-cases';
import type { Dependencies } from '../../composition-root';
import { CaseListQuerySchema, type CaseListQuery } from '../../contract/case-summary';
import { amsterdamToday } from '../../domain/cases';
import { defineEndpoint, json } from '../endpoint';
import { fieldErrors } from '../problem';
import { policies } from '../policies';
import { presentCaseList } from '../presenters/case-summary.presenter';

type Deps = Pick<Dependencies, 'caseQueues' | 'caseTypes' | 'clock' | 'access'>;

/** The list query: each parameter by the schema and the combinations (listQueryProblems), every problem in one 400. */
function parseListQuery(request: HttpRequest): CaseListQuery {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(request.query.keys())) {
    const values = request.query.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  const result = CaseListQuerySchema.safeParse(raw);
  const problems = [...(result.success ? [] : fieldErrors('query', result.error.issues)), ...listQueryProblems(raw)];
  if (!result.success || problems.length > 0) throw invalidInput(problems);
  return result.data;
}

/**
 * GET /api/v1/cases?queue=mine|team|all&caseType=&status=&phase=&assignee=&overdue=&atRisk=&q=&sort=deadline|received|updated:
 * a work queue from the read model.
 */
export const listCasesEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'listCases',
    methods: ['GET'],
    route: 'v1/cases',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const query = parseListQuery(request);
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
