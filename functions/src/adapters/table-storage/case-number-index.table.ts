import type { TableClient } from '@azure/data-tables';
import { DuplicateCaseNumber, type CaseNumberIndex } from '../../ports/case-numbers';
import { storageStatus, withTable } from './case-store-errors';

export const caseNumberIndexTableName = 'CaseNumberIndex';

const rowKey = 'case';

/**
 * The number → id index in Table `CaseNumberIndex`: PartitionKey = the case number (numbers spread over
 * partitions, a lookup is one point read), RowKey `case`, column `caseId`. Written with create, so a
 * number can point to one case only.
 */
export function createTableCaseNumberIndex(table: TableClient): CaseNumberIndex {
  const lookup = async (number: string): Promise<string | null> => {
    try {
      const row = await table.getEntity<{ caseId?: string }>(number, rowKey);
      return typeof row.caseId === 'string' ? row.caseId : null;
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  };
  return {
    async claim(number, caseId) {
      try {
        await withTable(table, () => table.createEntity({ partitionKey: number, rowKey, caseId }));
      } catch (error) {
        if (storageStatus(error) !== 409) throw error;
        // A retry of our own claim is fine; another case's number is not.
        if ((await lookup(number)) !== caseId) throw new DuplicateCaseNumber(number);
      }
    },
    async release(number, caseId) {
      try {
        const row = await table.getEntity<{ caseId?: string }>(number, rowKey);
        if (row.caseId === caseId) await table.deleteEntity(number, rowKey, { etag: row.etag ?? '*' });
      } catch (error) {
        const status = storageStatus(error);
        if (status !== 404 && status !== 412) throw error;
      }
    },
    lookup,
  };
}
