import { can, visibleRows, type WorkQueueRowFacts } from '../../domain/access';
import type { AccessResolver } from '../access/access-resolver';
import type { CaseListQuery } from '../../contract/case-summary';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseQueueReader, QueueCounts, QueueFilter, QueueRow } from '../../ports/case-queues';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { WorkQueueReader } from '../../ports/work-queue';
import { assigneeQueueKey, caseTypeQueueKey, teamQueueKey } from '../projections/work-queue-rows';

export interface ListCasesDeps {
  /** The one access policy: every row of every queue is filtered by what the actor may see. */
  access: Pick<AccessResolver, 'actorFor'>;
  workQueue: WorkQueueReader;
  caseQueues: CaseQueueReader;
  caseTypes: Pick<CaseTypeRepository, 'listAllVersions'>;
}

export interface CaseListPage {
  rows: QueueRow[];
  nextCursor: string | null;
}

/** The case-type keys that have a queue: every key with a published (or retired) version. */
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

/**
 * THE listing of cases (GET /api/v1/cases): every queue, filter and page goes through here, so the
 * access policy has one place to narrow what a user sees. Served from the work-queue read model in
 * final-deadline order; filters are part of the table query; rows the user may not see (the access
 * policy, visibleRows) are left out, so a page can come back shorter than its limit.
 */
export async function listCases(
  deps: ListCasesDeps,
  user: UserPrincipal,
  query: Omit<CaseListQuery, 'sort'> & { sort?: CaseListQuery['sort'] },
  today: string,
): Promise<CaseListPage> {
  const actor = await deps.access.actorFor(user);
  const visible = (page: CaseListPage): CaseListPage => ({ ...page, rows: visibleRows(actor, page.rows) });
  const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  const filtered = query.caseType || query.status || query.phase || query.assignee || query.overdue !== undefined || query.atRisk;
  if (query.queue === 'mine' && !filtered) {
    // One partition, no filter: the assignee reader's single range query.
    const mine = await deps.workQueue.listAssignedTo(user.oid, page);
    return visible({
      rows: mine.entries.map((entry) => ({ ...entry, atRiskFrom: entry.atRiskFrom ?? null })),
      nextCursor: mine.nextCursor,
    });
  }
  const filter: QueueFilter = {
    today,
    ...(query.caseType ? { caseType: query.caseType } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.phase ? { phase: query.phase } : {}),
    ...(query.assignee ? { assignee: query.assignee } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(query.atRisk ? { atRisk: true } : {}),
  };
  const partitions = await partitionsOf(deps, user, query.queue, query.caseType);
  if (partitions.length === 0) return { rows: [], nextCursor: null };
  return visible(await deps.caseQueues.list(partitions, filter, page));
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
