import { RestError, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import type { WorkQueueRow } from '../../app/projections/work-queue-rows';
import type { RowKeyPair, WorkQueueProjectionStore } from '../../app/projections/project-work-queue';
import { withTable } from './case-store-errors';

/** Per-case bookkeeping of the work-queue projection: which rows it wrote and up to which event. */
export const workQueueIndexTableName = 'WorkQueueIndex';
const indexPartitionKey = (caseId: string): string => `case:${caseId}`;
const indexRowKey = 'work-queue';

const Keys = z.array(z.tuple([z.string(), z.string()]));
const IndexRow = z.object({ sequence: z.number().int(), keys: z.string(), etag: z.string() });

/** The WorkQueue rows and the WorkQueueIndex rows as the projector and the rebuild see them. */
export function createWorkQueueProjectionStore(tables: { workQueue: TableClient; index: TableClient }): WorkQueueProjectionStore {
  const { workQueue, index } = tables;
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
      await withTable(workQueue, () => workQueue.upsertEntity(toEntity(row), 'Replace'));
    },

    async deleteRow(key) {
      await deleteIfThere(workQueue, key);
    },

    async writeRows(upserts, deletes) {
      // A case's rows in one partition (its deadline, sort and search rows) are one entity-group
      // transaction (≤ 100 actions); the partitions are written concurrently. A transaction fails as a
      // whole when a row to delete is already gone (a replay): then that chunk is written one by one.
      const byPartition = new Map<string, { upserts: WorkQueueRow[]; deletes: RowKeyPair[] }>();
      const of = (partitionKey: string) => {
        let group = byPartition.get(partitionKey);
        if (!group) byPartition.set(partitionKey, (group = { upserts: [], deletes: [] }));
        return group;
      };
      for (const row of upserts) of(row.partitionKey).upserts.push(row);
      for (const key of deletes) of(key.partitionKey).deletes.push(key);
      const chunks: { upserts: WorkQueueRow[]; deletes: RowKeyPair[] }[] = [];
      for (const group of byPartition.values()) {
        const actions = [...group.upserts.map((row) => ({ row })), ...group.deletes.map((key) => ({ key }))];
        for (let i = 0; i < actions.length; i += maxTransactionActions) {
          const slice = actions.slice(i, i + maxTransactionActions);
          chunks.push({
            upserts: slice.flatMap((action) => ('row' in action ? [action.row] : [])),
            deletes: slice.flatMap((action) => ('key' in action ? [action.key] : [])),
          });
        }
      }
      await Promise.all(
        chunks.map(async (chunk) => {
          const actions: TransactionAction[] = [
            ...chunk.upserts.map((row): TransactionAction => ['upsert', toEntity(row), 'Replace']),
            ...chunk.deletes.map((key): TransactionAction => ['delete', { partitionKey: key.partitionKey, rowKey: key.rowKey }]),
          ];
          try {
            await withTable(workQueue, () => workQueue.submitTransaction(actions));
          } catch (error) {
            if (!(error instanceof RestError && error.statusCode === 404)) throw error;
            for (const row of chunk.upserts) await withTable(workQueue, () => workQueue.upsertEntity(toEntity(row), 'Replace'));
            for (const key of chunk.deletes) await deleteIfThere(workQueue, key);
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

/** Every stored WorkQueue row (a full scan: for the rebuild command only, never for a request). */
export async function* allWorkQueueRows(workQueue: TableClient): AsyncGenerator<Record<string, unknown>> {
  try {
    for await (const row of workQueue.listEntities<Record<string, unknown>>()) yield row;
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return;
    throw error;
  }
}
