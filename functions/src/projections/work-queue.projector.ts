import type { InvocationContext } from '@azure/functions';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { z } from 'zod';
import { caseOutboxQueueName } from '../adapters/table-storage/outbox-dispatcher.table';
import { createTableClient } from '../adapters/table-storage/table-clients';
import { workQueueTableName } from '../adapters/table-storage/work-queue.table';
import {
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../adapters/table-storage/work-queue-projection.table';
import { projectWorkQueue, type WorkQueueProjectionStore } from '../app/projections/project-work-queue';
import { projectSignalInbox } from '../app/projections/project-signal-inbox';
import { workQueueTypeInfo, type TypeInfoOf } from '../app/projections/work-queue-type-info';
import type { SignalInbox } from '../ports/signals';
import { createSignalInbox, signalsTableName } from '../adapters/table-storage/signal-inbox.table';
import type { Dependencies } from '../composition-root';
import type { FunctionsApp } from '../hosting/functions-app';

/** The part of an outbox message (ports/outbox.ts) the projector relies on. */
const ProjectableMessage = z.object({
  messageId: z.string(),
  caseId: z.string().min(1),
  sequence: z.number().int().min(1),
  type: z.string(),
});

/** The work-queue projection store on the configured storage account (tables created on first write). */
export function createWorkQueueProjectionStoreFromConfig(config: Dependencies['config']): WorkQueueProjectionStore {
  let credential: TokenCredential | undefined;
  const azureCredential = () => (credential ??= new DefaultAzureCredential());
  return createWorkQueueProjectionStore({
    workQueue: createTableClient(config.storage, workQueueTableName, azureCredential),
    index: createTableClient(config.storage, workQueueIndexTableName, azureCredential),
    views: createTableClient(config.storage, workQueueViewsTableName, azureCredential),
  });
}

/** The signals read model on the configured storage account. */
export function createSignalInboxFromConfig(config: Dependencies['config']): SignalInbox {
  let credential: TokenCredential | undefined;
  const azureCredential = () => (credential ??= new DefaultAzureCredential());
  return createSignalInbox(createTableClient(config.storage, signalsTableName, azureCredential));
}

/** The queue-trigger handler: parse, project, log. A throw makes the host retry (then `case-outbox-poison`). */
export function workQueueProjectorHandler(
  deps: Pick<Dependencies, 'caseStore' | 'loggerFor'> & {
    store: WorkQueueProjectionStore;
    typeInfo?: TypeInfoOf;
    /** The signals inbox, fed from the same messages (one consumer per queue, see below). */
    inboxProjection?: { eventLog: Pick<Dependencies['eventLog'], 'listEvents'>; inbox: Pick<SignalInbox, 'upsert'> };
  },
): (queueItem: unknown, context: InvocationContext) => Promise<void> {
  return async (queueItem, context) => {
    const log = deps.loggerFor(context);
    const message = typeof queueItem === 'string' ? safeJson(queueItem) : queueItem;
    const parsed = ProjectableMessage.safeParse(message);
    if (!parsed.success) {
      // Retrying cannot make a malformed message valid; log it and let it go.
      log.error('work-queue projector dropped a message that is not an outbox message', { issues: parsed.error.issues });
      return;
    }
    const outcome = await projectWorkQueue(parsed.data, deps);
    log.debug('work-queue projection', { messageId: parsed.data.messageId, type: parsed.data.type, outcome });
    if (deps.inboxProjection) await projectSignalInbox(message, deps.inboxProjection);
  };
}

/**
 * Keeps the WorkQueue read model in step with the cases: triggered by every message on `case-outbox`.
 *
 * Fan-out: an Azure Storage queue delivers each message to ONE consumer, so this projector owns
 * `case-outbox`. Notifications (later issues) and further projectors must not add a second trigger on
 * it — they would each see only part of the messages. They need their own queue: either the dispatcher
 * sends every outbox message to one queue per consumer, or this function forwards to them.
 */
export function registerWorkQueueProjector(
  app: FunctionsApp,
  deps: Pick<Dependencies, 'caseStore' | 'loggerFor' | 'config'> & {
    store?: WorkQueueProjectionStore;
    /** With the case types, rows get team queues and at-risk dates. */
    caseTypes?: Dependencies['caseTypes'];
    /** With the event log, the signals inbox is projected too. */
    eventLog?: Dependencies['eventLog'];
    signalInbox?: SignalInbox;
  },
): void {
  const store = deps.store ?? createWorkQueueProjectionStoreFromConfig(deps.config);
  const { eventLog } = deps;
  const inboxProjection = eventLog && { eventLog, inbox: deps.signalInbox ?? createSignalInboxFromConfig(deps.config) };
  app.storageQueue('workQueueProjector', {
    queueName: caseOutboxQueueName,
    connection: 'AzureWebJobsStorage',
    handler: workQueueProjectorHandler({
      ...deps,
      store,
      ...(inboxProjection ? { inboxProjection } : {}),
      ...(deps.caseTypes ? { typeInfo: workQueueTypeInfo(deps.caseTypes) } : {}),
    }),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
