import type { CaseState } from '../../domain/cases';
import type { CaseStore } from '../../ports/case-store';
import type { EventLog } from '../../ports/event-log';
import type { RowKeyPair, WorkQueueProjectionStore } from './project-work-queue';
import { expectedWorkQueueRows, rowIdentity, type WorkQueueRow } from './work-queue-rows';
import type { TypeInfoOf } from './work-queue-type-info';

export type WorkQueueDifference =
  | { kind: 'missing'; key: RowKeyPair; caseId: string }
  | { kind: 'stale'; key: RowKeyPair; caseId: string | null }
  | { kind: 'different'; key: RowKeyPair; caseId: string; columns: string[] }
  | { kind: 'index'; caseId: string; detail: string };

export interface RebuildDeps {
  caseStore: CaseStore;
  eventLog: Pick<EventLog, 'listCaseIds'>;
  store: WorkQueueProjectionStore;
  /** Every stored WorkQueue row (a scan; the rebuild is the one place allowed one). */
  storedRows: () => AsyncIterable<Record<string, unknown>>;
  /** The case types, for team queues and at-risk dates (as the projector has them). */
  typeInfo?: TypeInfoOf;
}

const systemProperties = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp']);

/**
 * Recomputes every case's work-queue rows from its current state and compares them with the table
 * (and with each case's projection index). With `apply`, makes the table match: writes missing and
 * different rows, deletes stale ones, rewrites the index. Run it while no projector is busy, or run it
 * twice: a projector that finishes in between may briefly differ from what the rebuild wrote.
 */
export async function rebuildWorkQueue(deps: RebuildDeps, options: { apply: boolean }): Promise<WorkQueueDifference[]> {
  const expected = new Map<string, WorkQueueRow>();
  const caseSequences = new Map<string, { sequence: number; keys: RowKeyPair[] }>();
  let cursor: string | undefined;
  do {
    const page = await deps.eventLog.listCaseIds({ limit: 500, ...(cursor ? { cursor } : {}) });
    for (const caseId of page.caseIds) {
      const loaded = await deps.caseStore.load<CaseState>(caseId);
      if (!loaded) continue;
      const rows = expectedWorkQueueRows(loaded.state, await deps.typeInfo?.(loaded.state));
      for (const row of rows) expected.set(rowIdentity(row), row);
      caseSequences.set(caseId, {
        sequence: loaded.lastSequence,
        keys: rows.map(({ partitionKey, rowKey }) => ({ partitionKey, rowKey })),
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const differences: WorkQueueDifference[] = [];
  const seen = new Set<string>();
  for await (const stored of deps.storedRows()) {
    const key = { partitionKey: String(stored.partitionKey), rowKey: String(stored.rowKey) };
    const identity = rowIdentity(key);
    const want = expected.get(identity);
    if (!want) {
      differences.push({ kind: 'stale', key, caseId: typeof stored.caseId === 'string' ? stored.caseId : null });
      continue;
    }
    seen.add(identity);
    const columns = differingColumns(want, stored);
    if (columns.length > 0) differences.push({ kind: 'different', key, caseId: want.columns.caseId, columns });
  }
  for (const [identity, row] of expected) {
    if (!seen.has(identity))
      differences.push({
        kind: 'missing',
        key: { partitionKey: row.partitionKey, rowKey: row.rowKey },
        caseId: row.columns.caseId,
      });
  }
  for (const [caseId, want] of caseSequences) {
    const index = await deps.store.readIndex(caseId);
    const detail = indexDifference(index, want);
    if (detail) differences.push({ kind: 'index', caseId, detail });
  }

  if (options.apply) {
    for (const difference of differences) {
      if (difference.kind === 'stale') await deps.store.deleteRow(difference.key);
      else if (difference.kind === 'missing' || difference.kind === 'different') {
        const row = expected.get(rowIdentity(difference.key));
        if (row) await deps.store.upsertRow(row);
      }
    }
    for (const difference of differences) {
      if (difference.kind !== 'index') continue;
      const want = caseSequences.get(difference.caseId);
      const index = await deps.store.readIndex(difference.caseId);
      if (want && (await deps.store.writeIndex(difference.caseId, want, index?.etag ?? null)) === null) {
        throw new Error(`the projection index of case ${difference.caseId} changed during the rebuild; run it again`);
      }
    }
  }
  return differences;
}

function differingColumns(want: WorkQueueRow, stored: Record<string, unknown>): string[] {
  const names = new Set(
    [...Object.keys(want.columns), ...Object.keys(stored)].filter(
      (name) => !systemProperties.has(name) && !name.startsWith('odata'),
    ),
  );
  const wanted = want.columns as unknown as Record<string, unknown>;
  return [...names].filter((name) => (wanted[name] ?? null) !== (stored[name] ?? null)).sort();
}

function indexDifference(
  index: { sequence: number; keys: RowKeyPair[] } | null,
  want: { sequence: number; keys: RowKeyPair[] },
): string | null {
  if (!index) return 'no projection index';
  if (index.sequence !== want.sequence) return `index at sequence ${index.sequence}, case at ${want.sequence}`;
  const have = new Set(index.keys.map(rowIdentity));
  const should = new Set(want.keys.map(rowIdentity));
  if (have.size !== should.size || [...should].some((key) => !have.has(key))) return 'index keys differ from the expected rows';
  return null;
}

export const describeDifference = (difference: WorkQueueDifference): string => {
  switch (difference.kind) {
    case 'missing':
      return `MISSING   ${difference.key.partitionKey} ${difference.key.rowKey} (case ${difference.caseId})`;
    case 'stale':
      return `STALE     ${difference.key.partitionKey} ${difference.key.rowKey} (case ${difference.caseId ?? 'unknown'})`;
    case 'different':
      return `DIFFERENT ${difference.key.partitionKey} ${difference.key.rowKey} (case ${difference.caseId}): ${difference.columns.join(', ')}`;
    case 'index':
      return `INDEX     case ${difference.caseId}: ${difference.detail}`;
  }
};
