import { can, visibleRows, type WorkQueueRowFacts } from '../../domain/access';
import type { AccessResolver } from '../access/access-resolver';
import type { CaseListQuery } from '../../contract/case-summary';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseQueueReader, QueueCounts, QueueFilter, QueueRow } from '../../ports/case-queues';
import type { CaseTypeRepository } from '../../ports/case-types';
import { invalidInput } from '../errors';
import { parseSearch, sortDirection, workQueueSorts, type WorkQueueSort } from '../projections/work-queue-keys';
import { assigneeQueueKey, caseTypeQueueKey, teamQueueKey } from '../projections/work-queue-rows';

export interface ListCasesDeps {
  /** The one access policy: every row of every queue is filtered by what the actor may see. */
  access: Pick<AccessResolver, 'actorFor'>;
  caseQueues: CaseQueueReader;
  caseTypes: Pick<CaseTypeRepository, 'listAllVersions'>;
}

export interface CaseListPage {
  rows: QueueRow[];
  nextCursor: string | null;
}

/**
 * The case-type keys that have a queue: every key with a published (or retired) version, with its latest
 * name. The repository keeps the list between requests (withCaseTypeCache, ADR 0019).
 */
async function caseTypeKeys(deps: Pick<ListCasesDeps, 'caseTypes'>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const versions = (await deps.caseTypes.listAllVersions())
    .filter((version) => version.status !== 'draft')
    .sort((a, b) => a.version - b.version);
  for (const version of versions) names.set(version.key, version.name); // the latest name wins
  return names;
}

/** The read-model partitions behind a queue for this user. */
async function partitionsOf(
  deps: Pick<ListCasesDeps, 'caseTypes'>,
  user: UserPrincipal,
  queue: CaseListQuery['queue'],
  caseType: string | undefined,
): Promise<string[]> {
  switch (queue) {
    case 'mine':
      return [assigneeQueueKey(user.oid)];
    case 'team':
      return user.groups.map(teamQueueKey);
    case 'all':
      return caseType ? [caseTypeQueueKey(caseType)] : [...(await caseTypeKeys(deps)).keys()].map(caseTypeQueueKey);
  }
}

/** A problem with a query parameter, by its path (`query.q`), as http/problem.ts lists them. */
export interface QueryProblem {
  path: string;
  code: string;
  message: string;
}

const isSort = (value: unknown): value is WorkQueueSort => workQueueSorts.includes(value as WorkQueueSort);

/**
 * The problems of a list query that no single parameter shows (the schema checks each one): the search
 * terms, `q` with a sort other than deadline, an order the sort is not stored in, overdue with at risk.
 * Checked on the raw parameters, so they are listed together with the schema's problems.
 */
export function listQueryProblems(raw: Readonly<Record<string, string | string[]>>): QueryProblem[] {
  const problems: QueryProblem[] = [];
  const sort = raw.sort ?? 'deadline';
  const { q, order } = raw;
  if (typeof q === 'string' && q.length > 0 && q.length <= 100) {
    const parsed = parseSearch(q);
    if ('problems' in parsed)
      for (const message of parsed.problems) problems.push({ path: 'query.q', code: 'invalid_search', message });
    if (isSort(sort) && sort !== 'deadline') {
      problems.push({
        path: 'query.sort',
        code: 'invalid_combination',
        message: 'a search (q) comes in final-deadline order; it cannot be sorted by ' + sort,
      });
    }
  }
  if (isSort(sort) && (order === 'asc' || order === 'desc') && order !== sortDirection[sort]) {
    problems.push({
      path: 'query.order',
      code: 'not_offered',
      message: `sort=${sort} is served ${sortDirection[sort]} only (the read model stores one direction per sort)`,
    });
  }
  if (raw.overdue === 'true' && raw.atRisk === 'true') {
    problems.push({
      path: 'query.atRisk',
      code: 'invalid_combination',
      message: 'a case at risk is not overdue; use one of the two',
    });
  }
  return problems;
}

/**
 * THE listing of cases (GET /api/v1/cases): every queue, filter, sort, search and page goes through here,
 * so the access policy has one place to narrow what a user sees. Served from the work-queue read model
 * (one range query per partition per page, ADR 0020); filters are part of the table query; rows the user
 * may not see (the access policy, visibleRows) are read past and never served, so a page can come back
 * shorter than its limit.
 */
export async function listCases(
  deps: ListCasesDeps,
  user: UserPrincipal,
  query: Omit<CaseListQuery, 'sort'> & { sort?: CaseListQuery['sort'] },
  today: string,
): Promise<CaseListPage> {
  const sort = query.sort ?? 'deadline';
  let search;
  if (query.q !== undefined) {
    const parsed = parseSearch(query.q);
    if ('problems' in parsed) {
      throw invalidInput(parsed.problems.map((message) => ({ path: 'query.q', code: 'invalid_search', message })));
    }
    search = parsed.query;
  }
  const [actor, partitions] = await Promise.all([
    deps.access.actorFor(user),
    partitionsOf(deps, user, query.queue, query.caseType),
  ]);
  if (partitions.length === 0) return { rows: [], nextCursor: null };
  const filter: QueueFilter = {
    today,
    ...(query.caseType ? { caseType: query.caseType } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.phase ? { phase: query.phase } : {}),
    ...(query.assignee ? { assignee: query.assignee } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(query.atRisk ? { atRisk: true } : {}),
  };
  const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  const keep = (row: QueueRow) => visibleRows(actor, [row]).length === 1;
  return deps.caseQueues.list(partitions, filter, page, { sort, ...(search ? { search } : {}), keep });
}

export interface QueueOverview {
  mine: QueueCounts;
  team: QueueCounts;
  caseTypes: (QueueCounts & { key: string; name: string })[];
}

/** Counts per queue (GET /api/v1/queues), flags against today; through the same partitions as the lists. */
export async function countQueues(deps: ListCasesDeps, user: UserPrincipal, today: string): Promise<QueueOverview> {
  const types = await caseTypeKeys(deps);
  const actor = await deps.access.actorFor(user);
  const sees = (row: WorkQueueRowFacts) => can(actor, 'case.read', { kind: 'workQueueRow', row });
  const [mine, team, ...perType] = await Promise.all([
    deps.caseQueues.count([assigneeQueueKey(user.oid)], today, sees),
    deps.caseQueues.count(user.groups.map(teamQueueKey), today, sees),
    ...[...types.keys()].map((key) => deps.caseQueues.count([caseTypeQueueKey(key)], today, sees)),
  ]);
  const keys = [...types.entries()];
  return {
    mine: mine ?? { total: 0, atRisk: 0, overdue: 0 },
    team: team ?? { total: 0, atRisk: 0, overdue: 0 },
    caseTypes: keys.map(([key, name], i) => ({ key, name, ...(perType[i] ?? { total: 0, atRisk: 0, overdue: 0 }) })),
  };
}
