import type { InvocationContext, Timer } from '@azure/functions';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { createGraphDocumentChanges } from '../adapters/graph/document-changes.graph';
import { createGraphTokenSource } from '../adapters/graph/graph-tokens';
import { documentSyncTableName, createTableDocumentSyncCursor } from '../adapters/table-storage/document-sync-cursor.table';
import { createTableClient } from '../adapters/table-storage/table-clients';
import { syncLibraryChanges } from '../app/documents/sync-library-changes';
import type { Dependencies } from '../composition-root';
import type { FunctionsApp } from '../hosting/functions-app';
import type { DocumentChangeFeed, DocumentSyncCursor } from '../ports/document-changes';

/** Every 5 minutes (NCRONTAB, seconds first): the same schedule in Azure and on the local host. */
export const documentSyncSchedule = '0 */5 * * * *';

/**
 * Records versions made in Office on the case timeline (issue 7 item 4, ADR 0017): reads the library's
 * Graph delta since the stored link and syncs the cases whose files changed. Runs are idempotent, so an
 * overlapping or repeated run records nothing twice. Without a configured library it does nothing.
 */
export function registerDocumentSyncTimer(
  app: FunctionsApp,
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'documents' | 'caseNumberIndex' | 'loggerFor' | 'config'> & {
    changes?: DocumentChangeFeed;
    cursor?: DocumentSyncCursor;
  },
): void {
  const { config } = deps;
  let credential: TokenCredential | undefined;
  const changes =
    deps.changes ??
    createGraphDocumentChanges({
      graphBaseUrl: config.graph.baseUrl,
      siteId: config.documents.siteId,
      library: config.documents.library,
      tokens: createGraphTokenSource(config),
    });
  const cursor =
    deps.cursor ??
    createTableDocumentSyncCursor(
      createTableClient(config.storage, documentSyncTableName, () => (credential ??= new DefaultAzureCredential())),
    );
  app.timer('documentSyncTimer', {
    schedule: documentSyncSchedule,
    handler: async (_timer: Timer, context: InvocationContext) => {
      if (!config.documents.siteId) return;
      const log = deps.loggerFor(context);
      const run = await syncLibraryChanges({ ...deps, changes, cursor }, log);
      if (run.recorded > 0 || run.failed > 0) log.info('document sync recorded versions made in SharePoint', { ...run });
    },
  });
}
