import { RestError, type TableClient, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import type { WorkQueueRow } from '../../app/projections/work-queue-rows';
import type { RowKeyPair, WorkQueueProjectionStore } from '../../app/projections/project-work-queue';
import { withTable } from './case-store-errors';
import { createPartitionBatchers, type PartitionBatcher, type PartitionWrite } from './partition-batcher';
import { isViewRowKey } from '../../app/projections/work-queue-keys';

/** Per-case bookkeeping of the work-queue projection: which rows it wrote and up to which event. */
export const workQueueIndexTableName = 'WorkQueueIndex';
/** The received, updated and search rows of the work queues (ADR 0020; isViewRowKey). */
export const workQueueViewsTableName = 'WorkQueueViews';
const indexPartitionKey = (caseId: string): string => `case:${caseId}`;
const indexRowKey = 'work-queue';

const Keys = z.array(z.tuple([z.string(), z.string()]));
const IndexRow = z.object({ sequence: z.number().int(), keys: z.string(), etag: z.string() });

/**
 * The projector is off the request path: its first write to a quiet queue partition waits this long for
 * the rows of other cases projected at the same moment, so they share one transaction.
 */
const projectionLingerMs = 5;

/** The WorkQueue (and WorkQueueViews) rows and the WorkQueueIndex rows as the projector and the rebuild see them. */
export function createWorkQueueProjectionStore(tables: {
  workQueue: TableClient;
  index: TableClient;
  views: TableClient;
}): WorkQueueProjectionStore {
  const { index } = tables;
  const batchers = new Map<TableClient, (partitionKey: string) => PartitionBatcher>([
    [tables.workQueue, createPartitionBatchers(tables.workQueue, { lingerMs: projectionLingerMs })],
    [tables.views, createPartitionBatchers(tables.views, { lingerMs: projectionLingerMs })],
  ]);
  const batchersOf = (table: TableClient) => batchers.get(table) as (partitionKey: string) => PartitionBatcher;
  /** The table a row lives in, by its key. */
  const tableOf = (rowKey: string): TableClient => (isViewRowKey(rowKey) ? tables.views : tables.workQueue);
  return {
    async readIndex(caseId) {
      let row: Record<string, unknown>;
      try {
        row = await index.getEntity<Record<string, unknown>>(indexPartitionKey(caseId), indexRowKey);
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return null;
        throw error;
      }
      const parsed = IndexRow.parse(row);
      const keys = Keys.parse(JSON.parse(parsed.keys)).map(([partitionKey, rowKey]) => ({ partitionKey, rowKey }));
      return { sequence: parsed.sequence, keys, etag: parsed.etag };
    },

    async writeIndex(caseId, next, expectedEtag) {
      const entity: TableEntity = {
        partitionKey: indexPartitionKey(caseId),
        rowKey: indexRowKey,
        sequence: next.sequence,
        keys: JSON.stringify(next.keys.map((key) => [key.partitionKey, key.rowKey])),
      };
      try {
        const response = await withTable(index, () =>
          expectedEtag === null ? index.createEntity(entity) : index.updateEntity(entity, 'Replace', { etag: expectedEtag }),
        );
        if (response.etag) return response.etag;
        // Not every emulator returns the ETag; the row has one.
        const written = await index.getEntity(indexPartitionKey(caseId), indexRowKey);
        return written.etag ?? null;
      } catch (error) {
        // 409: someone created it first; 412: someone changed it since we read it. Either way: read again.
        if (error instanceof RestError && (error.statusCode === 409 || error.statusCode === 412)) return null;
        throw error;
      }
    },

    async upsertRow(row) {
      const table = tableOf(row.rowKey);
      await withTable(table, () => table.upsertEntity(toEntity(row), 'Replace'));
    },

    async deleteRow(key) {
      await deleteIfThere(tableOf(key.rowKey), key);
    },

    async writeRows(upserts, deletes) {
      // Group commit per (table, partition) (decision 0019): a case's rows in one partition (its deadline,
      // sort or search rows) go together, and so do the rows of other cases projected at the same moment
      // into the same queue partition — under load one transaction serves several cases. The partitions
      // are written concurrently. A transaction that fails (e.g. a row to delete is already gone: a
      // replay) is redone write by write, each with its own outcome.
      const byPartition = new Map<string, { table: TableClient; partitionKey: string; writes: PartitionWrite[] }>();
      const add = (key: RowKeyPair, write: PartitionWrite) => {
        const table = tableOf(key.rowKey);
        const id = `${table.tableName}\n${key.partitionKey}`;
        let group = byPartition.get(id);
        if (!group) byPartition.set(id, (group = { table, partitionKey: key.partitionKey, writes: [] }));
        group.writes.push(write);
      };
      for (const row of upserts) {
        const table = tableOf(row.rowKey);
        const entity = toEntity(row);
        add(row, {
          rowKey: row.rowKey,
          action: ['upsert', entity, 'Replace'],
          alone: () => withTable(table, () => table.upsertEntity(entity, 'Replace')).then(() => undefined),
        });
      }
      for (const key of deletes) {
        const table = tableOf(key.rowKey);
        add(key, {
          rowKey: key.rowKey,
          action: ['delete', { partitionKey: key.partitionKey, rowKey: key.rowKey }],
          alone: () => deleteIfThere(table, key),
        });
      }
      await Promise.all(
        [...byPartition.values()].map(({ table, partitionKey, writes }) => batchersOf(table)(partitionKey)(writes)),
      );
    },
  };
}

async function deleteIfThere(table: TableClient, key: RowKeyPair): Promise<void> {
  try {
    await table.deleteEntity(key.partitionKey, key.rowKey);
  } catch (error) {
    if (!(error instanceof RestError && error.statusCode === 404)) throw error;
  }
}

export function toEntity(row: WorkQueueRow): TableEntity {
  const entity: TableEntity = { partitionKey: row.partitionKey, rowKey: row.rowKey };
  for (const [name, value] of Object.entries(row.columns)) if (value !== null) entity[name] = value;
  return entity;
}

/** Every stored WorkQueue and WorkQueueViews row (a full scan: for the rebuild command only, never for a request). */
export async function* allWorkQueueRows(workQueue: TableClient, views: TableClient): AsyncGenerator<Record<string, unknown>> {
  for (const table of [workQueue, views]) {
    try {
      for await (const row of table.listEntities<Record<string, unknown>>()) yield row;
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) continue;
      throw error;
    }
  }
}
