import { RestError, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { WorkQueueRow } from '../../app/projections/work-queue-rows';
import type { RowKeyPair, WorkQueueProjectionStore } from '../../app/projections/project-work-queue';
import { withTable } from './case-store-errors';
import { isViewRowKey } from '../../app/projections/work-queue-keys';

/** Per-case bookkeeping of the work-queue projection: which rows it wrote and up to which event. */
export const workQueueIndexTableName = 'WorkQueueIndex';
/** The received, updated and search rows of the work queues (ADR 0020; isViewRowKey). */
export const workQueueViewsTableName = 'WorkQueueViews';
const indexPartitionKey = (caseId: string): string => `case:${caseId}`;
const indexRowKey = 'work-queue';

const Keys = z.array(z.tuple([z.string(), z.string()]));
const IndexRow = z.object({ sequence: z.number().int(), keys: z.string(), etag: z.string() });

/** The WorkQueue (and WorkQueueViews) rows and the WorkQueueIndex rows as the projector and the rebuild see them. */
export function createWorkQueueProjectionStore(tables: {
  workQueue: TableClient;
  index: TableClient;
  views: TableClient;
}): WorkQueueProjectionStore {
  const { index } = tables;
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
      // A case's rows in one partition (its deadline, sort and search rows) are one entity-group
      // transaction (≤ 100 actions); the partitions are written concurrently. A transaction fails as a
      // whole when a row to delete is already gone (a replay): then that chunk is written one by one.
      type Group = { table: TableClient; upserts: WorkQueueRow[]; deletes: RowKeyPair[] };
      const byPartition = new Map<string, Group>();
      const of = (key: RowKeyPair) => {
        const table = tableOf(key.rowKey);
        const id = `${table.tableName}\n${key.partitionKey}`;
        let group = byPartition.get(id);
        if (!group) byPartition.set(id, (group = { table, upserts: [], deletes: [] }));
        return group;
      };
      for (const row of upserts) of(row).upserts.push(row);
      for (const key of deletes) of(key).deletes.push(key);
      const chunks: Group[] = [];
      for (const group of byPartition.values()) {
        const actions = [...group.upserts.map((row) => ({ row })), ...group.deletes.map((key) => ({ key }))];
        for (let i = 0; i < actions.length; i += maxTransactionActions) {
          const slice = actions.slice(i, i + maxTransactionActions);
          chunks.push({
            table: group.table,
            upserts: slice.flatMap((action) => ('row' in action ? [action.row] : [])),
            deletes: slice.flatMap((action) => ('key' in action ? [action.key] : [])),
          });
        }
      }
      await Promise.all(
        chunks.map(async (chunk) => {
          const { table } = chunk;
          const actions: TransactionAction[] = [
            ...chunk.upserts.map((row): TransactionAction => ['upsert', toEntity(row), 'Replace']),
            ...chunk.deletes.map((key): TransactionAction => ['delete', { partitionKey: key.partitionKey, rowKey: key.rowKey }]),
          ];
          try {
            await withTable(table, () => table.submitTransaction(actions));
          } catch (error) {
            if (!(error instanceof RestError && error.statusCode === 404)) throw error;
            for (const row of chunk.upserts) await withTable(table, () => table.upsertEntity(toEntity(row), 'Replace'));
            for (const key of chunk.deletes) await deleteIfThere(table, key);
          }
        }),
      );
    },
  };
}

/** The most actions one entity-group transaction may hold. */
const maxTransactionActions = 100;

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
