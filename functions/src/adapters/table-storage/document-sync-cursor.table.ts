import type { TableClient } from '@azure/data-tables';
import type { DocumentSyncCursor, LibrarySubscriptionStore } from '../../ports/document-changes';
import { storageStatus, withTable } from './case-store-errors';

export const documentSyncTableName = 'DocumentSync';

/**
 * Table `DocumentSync`, partition `library`: row `delta` holds the link the library sync resumes from,
 * row `subscription` the Graph subscription the timer keeps (ADR 0017).
 */
export function createTableDocumentSyncCursor(table: TableClient): DocumentSyncCursor & LibrarySubscriptionStore {
  return {
    async loadSubscription() {
      try {
        const row = await table.getEntity<{ subscriptionId?: string; expiresAt?: string; lifecycleUrl?: string }>(
          'library',
          'subscription',
        );
        if (!row.subscriptionId || !row.expiresAt) return null;
        return {
          id: row.subscriptionId,
          expiresAt: row.expiresAt,
          ...(row.lifecycleUrl ? { lifecycleUrl: row.lifecycleUrl } : {}),
        };
      } catch (error) {
        if (storageStatus(error) === 404) return null;
        throw error;
      }
    },
    async saveSubscription(subscription) {
      await withTable(table, () =>
        table.upsertEntity(
          {
            partitionKey: 'library',
            rowKey: 'subscription',
            subscriptionId: subscription.id,
            expiresAt: subscription.expiresAt,
            lifecycleUrl: subscription.lifecycleUrl ?? '',
          },
          'Replace',
        ),
      );
    },
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
