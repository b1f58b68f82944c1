import type { CaseState } from '../../domain/cases';
import { pauseWithFullJitter } from '../full-jitter';
import type { CaseStore } from '../../ports/case-store';
import type { OutboxMessage } from '../../ports/outbox';
import { expectedWorkQueueRows, rowIdentity, type WorkQueueRow } from './work-queue-rows';
import type { TypeInfoOf } from './work-queue-type-info';

export interface RowKeyPair {
  partitionKey: string;
  rowKey: string;
}

/** What the projection last wrote for a case: its rows' keys and the case's event sequence they reflect. */
export interface ProjectionIndex {
  sequence: number;
  keys: RowKeyPair[];
  etag: string;
}

export interface WorkQueueProjectionStore {
  readIndex(caseId: string): Promise<ProjectionIndex | null>;
  /**
   * Writes the index only if it is still as read (`expectedEtag`; null: only if there is none yet).
   * Resolves to the new ETag, or null when someone else wrote it in between.
   */
  writeIndex(caseId: string, next: { sequence: number; keys: RowKeyPair[] }, expectedEtag: string | null): Promise<string | null>;
  upsertRow(row: WorkQueueRow): Promise<void>;
  /** Absent is fine. */
  deleteRow(key: RowKeyPair): Promise<void>;
  /**
   * Optional: upserts and deletes (absent is fine) in as few requests as the store can — e.g. one
   * entity-group transaction per partition. Same outcome as upsertRow/deleteRow one by one.
   */
  writeRows?(upserts: readonly WorkQueueRow[], deletes: readonly RowKeyPair[]): Promise<void>;
}

export type ProjectionOutcome = 'projected' | 'up-to-date' | 'case-not-found';

const maxAttempts = 20;

/**
 * After a lost race: two projectors of one case (its register and take messages delivered together) that
 * retry in lockstep keep invalidating each other's claim; a jittered, growing pause lets one finish first.
 */
export const jitteredBackoff = (attempt: number): Promise<void> => pauseWithFullJitter(attempt, { baseMs: 5, capMs: 200 });

/**
 * Makes the WorkQueue read model match the case's CURRENT state (whatever message woke us: the message
 * only names the case). Idempotent and replay-safe: the per-case index records the event sequence last
 * projected, and a message or state not newer than that changes nothing — last writer wins by case
 * sequence, not by arrival order.
 *
 * Rows of one case live in several partitions, so they cannot be written in one transaction. The index
 * row is the guard instead:
 * 1. claim: add the rows about to be written to the index's keys (sequence unchanged), If-Match — so a
 *    crash mid-way leaves every written row findable and the retry (sequence still old) redoes the work;
 * 2. write the expected rows, delete every other row the index (or this run) knows;
 * 3. finish: set the keys to exactly the expected rows and the sequence to the case's, If-Match the claim.
 * If step 3 loses a race, a concurrent projector may have written a newer state before this run's writes
 * landed; this run then repeats against the current state (skipping the up-to-date check) until it
 * finishes without interference, which also removes anything it wrote late.
 */
export async function projectWorkQueue(
  message: Pick<OutboxMessage, 'caseId' | 'sequence'>,
  deps: {
    caseStore: CaseStore;
    store: WorkQueueProjectionStore;
    typeInfo?: TypeInfoOf;
    /** Pause after a lost race (default jitteredBackoff). */
    backoff?: (attempt: number) => Promise<void>;
  },
): Promise<ProjectionOutcome> {
  const { caseStore, store } = deps;
  const backoff = deps.backoff ?? jitteredBackoff;
  const { caseId } = message;
  let mustRepair = false;
  let written: RowKeyPair[] = [];
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    // Index before state: the state loaded afterwards is at least as new as any sequence in the index.
    const index = await store.readIndex(caseId);
    if (!mustRepair && index && message.sequence <= index.sequence) return 'up-to-date';
    const loaded = await caseStore.load<CaseState>(caseId);
    if (!loaded) return 'case-not-found';
    if (!mustRepair && index && loaded.lastSequence <= index.sequence) return 'up-to-date';

    const expected = expectedWorkQueueRows(loaded.state, await deps.typeInfo?.(loaded.state));
    const known = unique([...(index?.keys ?? []), ...written]);
    const claimed = await store.writeIndex(
      caseId,
      { sequence: index?.sequence ?? 0, keys: unique([...known, ...expected]) },
      index?.etag ?? null,
    );
    if (claimed === null) {
      await backoff(attempt); // another projector moved the index: look again, out of step with it
      continue;
    }

    const wanted = new Set(expected.map(rowIdentity));
    const stale = known.filter((key) => !wanted.has(rowIdentity(key)));
    if (store.writeRows) await store.writeRows(expected, stale);
    else {
      for (const row of expected) await store.upsertRow(row);
      for (const key of stale) await store.deleteRow(key);
    }
    written = unique([...written, ...expected]);

    const finished = await store.writeIndex(caseId, { sequence: loaded.lastSequence, keys: keysOf(expected) }, claimed);
    if (finished !== null) return 'projected';
    mustRepair = true;
    await backoff(attempt);
  }
  throw new Error(
    `work-queue projection of case ${caseId} kept conflicting (${maxAttempts} attempts); the message will be retried`,
  );
}

const keysOf = (rows: readonly RowKeyPair[]): RowKeyPair[] => rows.map(({ partitionKey, rowKey }) => ({ partitionKey, rowKey }));

function unique(keys: readonly RowKeyPair[]): RowKeyPair[] {
  const byIdentity = new Map<string, RowKeyPair>();
  for (const key of keysOf(keys)) byIdentity.set(rowIdentity(key), key);
  return [...byIdentity.values()];
}
