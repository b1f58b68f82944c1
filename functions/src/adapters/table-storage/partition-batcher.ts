import type { TableClient, TransactionAction } from '@azure/data-tables';
import { withTable } from './case-store-errors';

/** One write to a single row of the batcher's partition; `rowKey` keeps two writes of one row out of one batch. */
export interface PartitionWrite {
  rowKey: string;
  action: TransactionAction;
  /** The same write on its own (with its own error handling), used alone and when a batch fails. */
  alone: () => Promise<void>;
}

/** Most operations in one entity-group transaction (Table Storage's limit). */
const maxBatch = 100;

export interface BatcherOptions {
  /** Runs when nothing is waiting or in flight. */
  onIdle?: () => void;
  /**
   * How long the first write of a quiet partition waits for others before it is sent (default 0: at once).
   * For writers off the request path only (the projector), where a few ms buy fewer transactions.
   */
  lingerMs?: number;
}

/** Resolves when the write (each of the writes) is stored; rejects with the write's own error. */
export type PartitionBatcher = (write: PartitionWrite | readonly PartitionWrite[]) => Promise<void>;

/**
 * Group commit for small writes to ONE partition (decision 0019): while a write is in flight, later
 * writes wait and then go together in one entity-group transaction (at most 100, never one row twice).
 * Writes handed over together (an array) start together: a caller's own rows of the partition share a
 * transaction even when nothing else is waiting. A lone write is sent on its own, so an idle instance
 * pays no extra latency. If a batch fails (e.g. one delete finds its row already gone, which fails the
 * whole transaction), nothing of it was written, and each write is retried on its own, so every caller
 * gets its own write's outcome.
 */
export function createPartitionBatcher(table: TableClient, options: BatcherOptions = {}): PartitionBatcher {
  const { onIdle, lingerMs = 0 } = options;
  const waiting: { write: PartitionWrite; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let flushing = false;

  const takeGroup = () => {
    const group: typeof waiting = [];
    const rows = new Set<string>();
    for (let i = 0; i < waiting.length && group.length < maxBatch;) {
      const item = waiting[i]!;
      if (rows.has(item.write.rowKey)) {
        i++;
        continue;
      }
      rows.add(item.write.rowKey);
      group.push(item);
      waiting.splice(i, 1);
    }
    return group;
  };

  const runAlone = async (item: (typeof waiting)[number]) => {
    try {
      await item.write.alone();
      item.resolve();
    } catch (error) {
      item.reject(error);
    }
  };

  const flush = async () => {
    flushing = true;
    try {
      while (waiting.length > 0) {
        const group = takeGroup();
        if (group.length === 1) {
          await runAlone(group[0]!);
          continue;
        }
        try {
          await withTable(table, () => table.submitTransaction(group.map((item) => item.write.action)));
          for (const item of group) item.resolve();
        } catch {
          await Promise.all(group.map(runAlone));
        }
      }
    } finally {
      flushing = false;
      if (waiting.length === 0) onIdle?.();
    }
  };

  const enqueue = (write: PartitionWrite) => new Promise<void>((resolve, reject) => waiting.push({ write, resolve, reject }));

  return async (writes) => {
    const list = Array.isArray(writes) ? (writes as readonly PartitionWrite[]) : [writes as PartitionWrite];
    const done = Promise.all(list.map(enqueue));
    if (!flushing) {
      if (lingerMs > 0) {
        flushing = true; // the timer's flush sends whatever arrived by then
        setTimeout(() => void flush(), lingerMs);
      } else void flush();
    }
    await done;
  };
}

/**
 * One batcher per partition of `table`, made on first use and dropped when idle, so concurrent writers
 * of different callers to one partition (e.g. projections of several cases into one queue) share
 * transactions without a map that grows with every partition ever written.
 */
export function createPartitionBatchers(
  table: TableClient,
  options: Pick<BatcherOptions, 'lingerMs'> = {},
): (partitionKey: string) => PartitionBatcher {
  const batchers = new Map<string, PartitionBatcher>();
  return (partitionKey) => {
    let batcher = batchers.get(partitionKey);
    if (!batcher) {
      const made: PartitionBatcher = createPartitionBatcher(table, {
        ...options,
        onIdle: () => {
          if (batchers.get(partitionKey) === made) batchers.delete(partitionKey);
        },
      });
      batchers.set(partitionKey, (batcher = made));
    }
    return batcher;
  };
}
