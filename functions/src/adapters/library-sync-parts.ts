import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Dependencies } from '../composition-root';
import type {
  DocumentChangeFeed,
  DocumentSyncCursor,
  LibrarySubscriptions,
  LibrarySubscriptionStore,
} from '../ports/document-changes';
import { createGraphDocumentChanges } from './graph/document-changes.graph';
import { createTableDocumentSyncCursor, documentSyncTableName } from './table-storage/document-sync-cursor.table';
import { createTableClient } from './table-storage/table-clients';

/** What the library sync and its subscription need: the Graph side (app-only) and the table row next to the cursor. */
export interface LibrarySyncParts {
  changes: DocumentChangeFeed & LibrarySubscriptions;
  cursor: DocumentSyncCursor & LibrarySubscriptionStore;
}

/** The Graph adapter and the DocumentSync table, as the sync timer and the lifecycle endpoint both use them. */
export function createLibrarySyncParts(deps: Pick<Dependencies, 'config' | 'graphTokens'>): LibrarySyncParts {
  const { config } = deps;
  let credential: TokenCredential | undefined;
  return {
    changes: createGraphDocumentChanges({
      graphBaseUrl: config.graph.baseUrl,
      siteId: config.documents.siteId,
      library: config.documents.library,
      tokens: deps.graphTokens,
    }),
    cursor: createTableDocumentSyncCursor(
      createTableClient(config.storage, documentSyncTableName, () => (credential ??= new DefaultAzureCredential())),
    ),
  };
}
