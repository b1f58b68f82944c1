import type { TableClient } from '@azure/data-tables';
import type { Clock } from '../../ports/event-log';
import { isNotFound, storageStatus, withTable } from './case-store-errors';
import { createPartitionBatcher } from './partition-batcher';

/**
 * Pending-dispatch markers (Table `OutboxPending`, one partition): a commit with outbox rows first
 * writes `<ISO time>|<caseId>|<commit id>`, so the sweep can find cases with undispatched rows by one
 * partition range query — outbox rows live in the case partitions, and finding them there would be a
 * table scan. A marker without rows (its commit failed) is harmless: the sweep finds nothing and drops it.
 */
const markerPartition = 'pending';

/** Markers of concurrent commits are written (and deleted) together, one transaction per group (decision 0019). */
const batchers = new WeakMap<TableClient, ReturnType<typeof createPartitionBatcher>>();
const batcherFor = (table: TableClient) => {
  let batcher = batchers.get(table);
  if (!batcher) batchers.set(table, (batcher = createPartitionBatcher(table)));
  return batcher;
};

export async function writeOutboxMarker(table: TableClient, clock: Clock, caseId: string, commitId: string): Promise<string> {
  const rowKey = `${clock.now().toISOString()}|${caseId}|${commitId}`;
  const entity = { partitionKey: markerPartition, rowKey, caseId };
  await batcherFor(table)({
    rowKey,
    action: ['create', entity],
    alone: async () => {
      try {
        await withTable(table, () => table.createEntity(entity));
      } catch (error) {
        // The row key holds a fresh commit id: a 409 is our own marker, written by a batch whose answer was lost.
        if (storageStatus(error) !== 409) throw error;
      }
    },
  });
  return rowKey;
}

export async function deleteOutboxMarker(table: TableClient, marker: string): Promise<void> {
  await batcherFor(table)({
    rowKey: marker,
    action: ['delete', { partitionKey: markerPartition, rowKey: marker }],
    alone: async () => {
      try {
        await table.deleteEntity(markerPartition, marker);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  });
}

/** Markers written before `before`, oldest first: `{ marker, caseId }`. */
export async function* markersBefore(table: TableClient, before: Date): AsyncGenerator<{ marker: string; caseId: string }> {
  const rows = table.listEntities<{ caseId?: string }>({
    queryOptions: { filter: `PartitionKey eq '${markerPartition}' and RowKey lt '${before.toISOString()}'` },
  });
  try {
    for await (const row of rows) {
      if (typeof row.caseId === 'string') yield { marker: row.rowKey ?? '', caseId: row.caseId };
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
