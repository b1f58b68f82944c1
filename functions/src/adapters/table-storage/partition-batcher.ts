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

/**
 * Group commit for small writes to ONE partition (decision 0019): while a write is in flight, later
 * writes wait and then go together in one entity-group transaction (at most 100, never one row twice).
 * A lone write is sent on its own, as before, so an idle instance pays no extra latency. If a batch
 * fails (e.g. one delete finds its row already gone, which fails the whole transaction), nothing of it
 * was written, and each write is retried on its own, so every caller gets its own write's outcome.
 */
export function createPartitionBatcher(table: TableClient): (write: PartitionWrite) => Promise<void> {
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
    }
  };

  return (write) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ write, resolve, reject });
      if (!flushing) void flush();
    });
}
