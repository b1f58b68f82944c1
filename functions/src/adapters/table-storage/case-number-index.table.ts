import type { TableClient } from '@azure/data-tables';
import { DuplicateCaseNumber, type CaseNumberIndex } from '../../ports/case-numbers';
import { storageStatus, withTable } from './case-store-errors';
import { createPartitionBatcher } from './partition-batcher';

export const caseNumberIndexTableName = 'CaseNumberIndex';

/**
 * Where a number's entry lives: PartitionKey = the number without its last three digits (a block of
 * 1,000 consecutive numbers), RowKey = the number. Numbers handed out together (the counter's group
 * commit) fall in one partition, so their claims go in one entity-group transaction (decision 0019).
 */
export const caseNumberIndexKey = (number: string): { partitionKey: string; rowKey: string } => ({
  partitionKey: number.slice(0, -3),
  rowKey: number,
});

/** Entries written before decision 0019: PartitionKey = the number, RowKey `case`. Read, never written. */
const legacyRowKey = 'case';

/** Batchers for the blocks in use; numbers move on, so only the newest few are kept. */
const maxBatchers = 16;

/**
 * The number → id index in Table `CaseNumberIndex`, one row per number (column `caseId`), written with
 * create, so a number can point to one case only. A lookup is one point read (two for a number
 * without an entry, which may be in the layout of before decision 0019).
 */
export function createTableCaseNumberIndex(table: TableClient): CaseNumberIndex {
  const batchers = new Map<string, ReturnType<typeof createPartitionBatcher>>();
  const batcherFor = (partitionKey: string) => {
    let batcher = batchers.get(partitionKey);
    if (!batcher) {
      batchers.set(partitionKey, (batcher = createPartitionBatcher(table)));
      while (batchers.size > maxBatchers) batchers.delete(batchers.keys().next().value as string);
    }
    return batcher;
  };
  const read = async (partitionKey: string, rowKey: string) => {
    try {
      return await table.getEntity<{ caseId?: string }>(partitionKey, rowKey);
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  };
  const lookup = async (number: string): Promise<string | null> => {
    const key = caseNumberIndexKey(number);
    const row = (await read(key.partitionKey, key.rowKey)) ?? (await read(number, legacyRowKey));
    return typeof row?.caseId === 'string' ? row.caseId : null;
  };
  return {
    async claim(number, caseId) {
      const entity = { ...caseNumberIndexKey(number), caseId };
      await batcherFor(entity.partitionKey)({
        rowKey: entity.rowKey,
        action: ['create', entity],
        alone: async () => {
          try {
            await withTable(table, () => table.createEntity(entity));
          } catch (error) {
            if (storageStatus(error) !== 409) throw error;
            // A retry of our own claim is fine; another case's number is not.
            if ((await lookup(number)) !== caseId) throw new DuplicateCaseNumber(number);
          }
        },
      });
    },
    async release(number, caseId) {
      const key = caseNumberIndexKey(number);
      try {
        const row = await table.getEntity<{ caseId?: string }>(key.partitionKey, key.rowKey);
        if (row.caseId === caseId) await table.deleteEntity(key.partitionKey, key.rowKey, { etag: row.etag ?? '*' });
      } catch (error) {
        const status = storageStatus(error);
        if (status !== 404 && status !== 412) throw error;
      }
    },
    lookup,
  };
}
