import type { TableClient } from '@azure/data-tables';
import type { DocumentSyncCursor } from '../../ports/document-changes';
import { storageStatus, withTable } from './case-store-errors';

export const documentSyncTableName = 'DocumentSync';

/** One row in Table `DocumentSync` (PartitionKey `library`, RowKey `delta`): the link the library sync resumes from. */
export function createTableDocumentSyncCursor(table: TableClient): DocumentSyncCursor {
  return {
    async load() {
      try {
        const row = await table.getEntity<{ link?: string }>('library', 'delta');
        return typeof row.link === 'string' && row.link !== '' ? row.link : null;
      } catch (error) {
        if (storageStatus(error) === 404) return null;
        throw error;
      }
    },
    async save(link) {
      await withTable(table, () => table.upsertEntity({ partitionKey: 'library', rowKey: 'delta', link: link ?? '' }, 'Replace'));
    },
  };
}
