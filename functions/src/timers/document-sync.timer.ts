import type { InvocationContext, Timer } from '@azure/functions';
import { createLibrarySyncParts } from '../adapters/library-sync-parts';
import { keepLibrarySubscription } from '../app/documents/library-subscription';
import { syncLibraryChanges } from '../app/documents/sync-library-changes';
import { documentSyncQueueName } from '../http/handlers/graph-notifications.handler';
import type { Dependencies } from '../composition-root';
import type { FunctionsApp } from '../hosting/functions-app';
import type {
  DocumentChangeFeed,
  DocumentSyncCursor,
  LibrarySubscriptions,
  LibrarySubscriptionStore,
} from '../ports/document-changes';

/** Every 5 minutes (NCRONTAB, seconds first): the same schedule in Azure and on the local host. */
export const documentSyncSchedule = '0 */5 * * * *';

/**
 * Records versions made in Office on the case timeline (issue 7 item 4, ADR 0017): reads the library's
 * Graph delta since the stored link and syncs the cases whose files changed. Runs are idempotent, so an
 * overlapping or repeated run records nothing twice. Without a configured library it does nothing.
 */
export function registerDocumentSyncTimer(
  app: FunctionsApp,
  deps: Pick<
    Dependencies,
    'caseStore' | 'outbox' | 'clock' | 'documents' | 'caseNumberIndex' | 'loggerFor' | 'config' | 'graphTokens'
  > & {
    changes?: DocumentChangeFeed & LibrarySubscriptions;
    cursor?: DocumentSyncCursor & LibrarySubscriptionStore;
  },
): void {
  const { config } = deps;
  const changes = deps.changes ?? createLibrarySyncParts(deps).changes;
  const cursor = deps.cursor ?? createLibrarySyncParts(deps).cursor;
  const sync = async (context: InvocationContext) => {
    const log = deps.loggerFor(context);
    const run = await syncLibraryChanges({ ...deps, changes, cursor }, log);
    if (run.recorded > 0 || run.failed > 0) log.info('document sync recorded versions made in SharePoint', { ...run });
  };
  app.timer('documentSyncTimer', {
    schedule: documentSyncSchedule,
    handler: async (_timer: Timer, context: InvocationContext) => {
      if (!config.documents.siteId) return;
      const notifications = config.documents.notifications;
      if (notifications) {
        // A failing subscription must not stop the delta sync: the timer alone still records everything.
        await keepLibrarySubscription(
          { subscriptions: changes, store: cursor, clock: deps.clock },
          notifications,
          deps.loggerFor(context),
        )
          .then((outcome) => {
            if (outcome !== 'kept') deps.loggerFor(context).info('Graph subscription on the library', { outcome });
          })
          .catch((error: unknown) => deps.loggerFor(context).error('keeping the Graph subscription failed', { error }));
      }
      await sync(context);
    },
  });
  // A Graph change notification (POST /graph/notifications) puts a message here: the same sync, sooner.
  app.storageQueue('documentSyncQueue', {
    queueName: documentSyncQueueName,
    connection: 'AzureWebJobsStorage',
    handler: async (_message: unknown, context: InvocationContext) => {
      if (config.documents.siteId) await sync(context);
    },
  });
}
