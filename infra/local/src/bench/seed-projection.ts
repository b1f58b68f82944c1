import {
  expectedWorkQueueRows,
  type CaseState,
  type RowKeyPair,
  type TypeInfoOf,
  type WorkQueueProjectionStore,
  type WorkQueueRow,
  type Dependencies,
} from '@zaakwerk/functions/in-process';

type CaseStore = Pick<Dependencies['caseStore'], 'load'>;

/** Consecutive slices of `items` of at most `size` (the last one may be shorter). */
export function windows<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a window holds at least one item, not ${size}`);
  const slices: T[][] = [];
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size));
  return slices;
}

/** `fn` for every item, at most `limit` at a time; resolves to the results in the items' order. */
export async function mapInParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, limit), items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return results;
}

/** The projection index of a case as the projector leaves it: its rows' keys, in the rows' order. */
export const indexKeysOf = (rows: readonly RowKeyPair[]): RowKeyPair[] =>
  rows.map(({ partitionKey, rowKey }) => ({ partitionKey, rowKey }));

export interface BulkProjectionDeps {
  caseStore: CaseStore;
  /** The projector's own store (createWorkQueueProjectionStoreFromConfig): its writeRows batches per partition. */
  store: WorkQueueProjectionStore;
  typeInfo: TypeInfoOf;
}

export interface BulkProjectionOptions {
  /** Cases whose rows are written together: rows of one partition from all of them share transactions. */
  casesPerWindow?: number;
  /** Windows in progress at once (one loads while another writes). */
  windowsInFlight?: number;
  /** Case loads and index writes in flight per window. */
  concurrency?: number;
  progress?: (projected: number) => void;
}

/**
 * Projects the work-queue read model of freshly seeded cases in bulk, leaving what the queue-triggered
 * projector (app/projections/project-work-queue.ts) would leave after working off their outbox messages:
 * per case its current state loaded from the case store, its rows from the projector's pure
 * `expectedWorkQueueRows` with the type info of its version, written with the projector's own store, and
 * its WorkQueueIndex row at the case's last event sequence with exactly those keys — so a later message
 * of a seeded case is 'up-to-date' and a later change moves its rows as for any case. Instead of one
 * projection (index claim, per-case transactions, index finish) per message, the rows of a window of
 * cases go to `store.writeRows` together, which groups them per partition into entity-group
 * transactions of at most 100 actions.
 *
 * Only for cases no projector has seen: an existing index row is refused (it would mean a projector ran
 * alongside and the index might list rows this run does not know).
 */
export async function projectSeededCases(
  caseIds: readonly string[],
  deps: BulkProjectionDeps,
  options: BulkProjectionOptions = {},
): Promise<{ cases: number; rows: number }> {
  const { casesPerWindow = 1000, windowsInFlight = 2, concurrency = 32, progress } = options;
  const { caseStore, store, typeInfo } = deps;
  if (!store.writeRows) throw new Error('the work-queue store cannot write rows in bulk (writeRows)');
  const writeRows = store.writeRows.bind(store);
  let cases = 0;
  let rows = 0;
  await mapInParallel(windows(caseIds, casesPerWindow), windowsInFlight, async (ids) => {
    const projected = await mapInParallel(ids, concurrency, async (caseId) => {
      const loaded = await caseStore.load(caseId);
      if (!loaded) throw new Error(`seeded case ${caseId} is not in the case store`);
      const state = loaded.state as unknown as CaseState;
      const expected: WorkQueueRow[] = expectedWorkQueueRows(state, await typeInfo(state));
      return { caseId, sequence: loaded.lastSequence, expected };
    });
    const all = projected.flatMap((p) => p.expected);
    await writeRows(all, []);
    await mapInParallel(projected, concurrency, async ({ caseId, sequence, expected }) => {
      const etag = await store.writeIndex(caseId, { sequence, keys: indexKeysOf(expected) }, null);
      if (etag === null)
        throw new Error(`case ${caseId} already has a work-queue projection index: a projector ran during the seed`);
    });
    cases += ids.length;
    rows += all.length;
    progress?.(cases);
  });
  return { cases, rows };
}
