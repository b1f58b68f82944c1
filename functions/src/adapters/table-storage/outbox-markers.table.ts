import type { TableClient } from '@azure/data-tables';
import type { Clock } from '../../ports/event-log';
import { isNotFound, withTable } from './case-store-errors';

/**
 * Pending-dispatch markers (Table `OutboxPending`, one partition): a commit with outbox rows first
 * writes `<ISO time>|<caseId>|<commit id>`, so the sweep can find cases with undispatched rows by one
 * partition range query — outbox rows live in the case partitions, and finding them there would be a
 * table scan. A marker without rows (its commit failed) is harmless: the sweep finds nothing and drops it.
 */
const markerPartition = 'pending';

export async function writeOutboxMarker(table: TableClient, clock: Clock, caseId: string, commitId: string): Promise<string> {
  const rowKey = `${clock.now().toISOString()}|${caseId}|${commitId}`;
  await withTable(table, () => table.createEntity({ partitionKey: markerPartition, rowKey, caseId }));
  return rowKey;
}

export async function deleteOutboxMarker(table: TableClient, marker: string): Promise<void> {
  try {
    await table.deleteEntity(markerPartition, marker);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
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
