import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { QueueClient } from '@azure/storage-queue';
import { clientStateMatches } from '../../app/documents/library-subscription';
import { AppError, invalidInput } from '../../app/errors';
import { createQueueClient } from '../../adapters/table-storage/table-clients';
import type { Dependencies } from '../../composition-root';
import { handleLifecycleNotifications } from '../../app/documents/library-lifecycle';
import { createLibrarySyncParts, type LibrarySyncParts } from '../../adapters/library-sync-parts';
import { GraphLifecycleNotificationCollectionSchema, GraphNotificationCollectionSchema } from '../../contract/case-documents';
import { defineEndpoint } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';

/** The queue whose messages make `documentSyncQueue` read the library's delta. */
export const documentSyncQueueName = 'document-sync';

/** Sends "the library changed" to the document-sync queue (base64 JSON, as the Functions host expects). */
export function createDocumentSyncTrigger(config: Dependencies['config']): (reason: string) => Promise<void> {
  let credential: TokenCredential | undefined;
  let queue: QueueClient | undefined;
  let ready: Promise<unknown> | undefined;
  return async (reason) => {
    queue ??= createQueueClient(config.storage, documentSyncQueueName, () => (credential ??= new DefaultAzureCredential()));
    const client = queue;
    ready ??= client.createIfNotExists().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    await client.sendMessage(Buffer.from(JSON.stringify({ reason, at: new Date().toISOString() })).toString('base64'));
  };
}

/**
 * POST /api/v1/graph/notifications: Graph's validation handshake (echo `validationToken` as text/plain),
 * then change notifications for the library, accepted only with the configured clientState (constant-time)
 * and answered 202 at once: the sync itself runs from the queue (ADR 0017).
 */
export const graphNotificationsEndpoint = (
  deps: Pick<Dependencies, 'config'> & { triggerDocumentSync?: (reason: string) => Promise<void> },
) => {
  const trigger = deps.triggerDocumentSync ?? createDocumentSyncTrigger(deps.config);
  return defineEndpoint({
    name: 'graphNotifications',
    methods: ['POST'],
    route: 'v1/graph/notifications',
    policy: policies.public,
    handler: async ({ request, log }) => {
      const handshake = validationAnswer(request.query);
      if (handshake) return handshake;
      const settings = deps.config.documents.notifications;
      const body = await parseJsonBody(request, GraphNotificationCollectionSchema, 1024 * 1024);
      const genuine = settings ? body.value.filter((n) => clientStateMatches(n.clientState, settings.clientState)) : [];
      if (genuine.length === 0) {
        log.warn('refused Graph notifications without the configured clientState', { count: body.value.length });
        throw new AppError('forbidden', 'graph.client-state-mismatch', 'No notification carries the expected clientState.');
      }
      await trigger(`graph notification ${genuine[0]?.subscriptionId ?? ''}`.trim());
      return { status: 202 };
    },
  });
};

/** Graph's validation handshake (both URLs): echo `validationToken` as text/plain; null when there is none. */
function validationAnswer(query: URLSearchParams) {
  const validationToken = query.get('validationToken');
  if (validationToken === null) return null;
  if (validationToken.length === 0 || validationToken.length > 2048)
    throw invalidInput([
      { path: 'query.validationToken', code: 'graph.validation-token-invalid', message: 'Not a validation token.' },
    ]);
  return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: validationToken };
}

/**
 * POST /api/v1/graph/lifecycle: Graph's lifecycle notifications for the library subscription (ADR 0017),
 * with the same handshake and the same constant-time clientState check as the change notifications.
 * reauthorizationRequired renews the subscription, subscriptionRemoved makes a new one and syncs, missed
 * syncs; other subscriptions and unknown events are ignored. Answered 202 once handled.
 */
export const graphLifecycleEndpoint = (
  deps: Pick<Dependencies, 'config' | 'clock' | 'graphTokens'> & {
    triggerDocumentSync?: (reason: string) => Promise<void>;
    library?: LibrarySyncParts;
  },
) => {
  const trigger = deps.triggerDocumentSync ?? createDocumentSyncTrigger(deps.config);
  let library = deps.library;
  return defineEndpoint({
    name: 'graphLifecycleNotifications',
    methods: ['POST'],
    route: 'v1/graph/lifecycle',
    policy: policies.public,
    handler: async ({ request, log }) => {
      const handshake = validationAnswer(request.query);
      if (handshake) return handshake;
      const settings = deps.config.documents.notifications;
      const body = await parseJsonBody(request, GraphLifecycleNotificationCollectionSchema, 1024 * 1024);
      const genuine = settings ? body.value.filter((n) => clientStateMatches(n.clientState, settings.clientState)) : [];
      if (!settings || genuine.length === 0) {
        log.warn('refused Graph lifecycle notifications without the configured clientState', { count: body.value.length });
        throw new AppError('forbidden', 'graph.client-state-mismatch', 'No notification carries the expected clientState.');
      }
      library ??= createLibrarySyncParts(deps);
      const outcome = await handleLifecycleNotifications(
        { subscriptions: library.changes, store: library.cursor, clock: deps.clock, triggerSync: trigger },
        settings,
        genuine,
        log,
      );
      log.info('handled Graph lifecycle notifications', { ...outcome });
      return { status: 202 };
    },
  });
};
