import type { InvocationContext } from '@azure/functions';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { z } from 'zod';
import { caseOutboxQueueName } from '../adapters/table-storage/outbox-dispatcher.table';
import { createTableClient } from '../adapters/table-storage/table-clients';
import { workQueueTableName } from '../adapters/table-storage/work-queue.table';
import { createWorkQueueProjectionStore, workQueueIndexTableName } from '../adapters/table-storage/work-queue-projection.table';
import { projectWorkQueue, type WorkQueueProjectionStore } from '../app/projections/project-work-queue';
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
  });
}

/** The queue-trigger handler: parse, project, log. A throw makes the host retry (then `case-outbox-poison`). */
export function workQueueProjectorHandler(
  deps: Pick<Dependencies, 'caseStore' | 'loggerFor'> & { store: WorkQueueProjectionStore },
): (queueItem: unknown, context: InvocationContext) => Promise<void> {
  return async (queueItem, context) => {
    const log = deps.loggerFor(context);
    const parsed = ProjectableMessage.safeParse(typeof queueItem === 'string' ? safeJson(queueItem) : queueItem);
    if (!parsed.success) {
      // Retrying cannot make a malformed message valid; log it and let it go.
      log.error('work-queue projector dropped a message that is not an outbox message', { issues: parsed.error.issues });
      return;
    }
    const outcome = await projectWorkQueue(parsed.data, deps);
    log.debug('work-queue projection', { messageId: parsed.data.messageId, type: parsed.data.type, outcome });
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
  deps: Pick<Dependencies, 'caseStore' | 'loggerFor' | 'config'> & { store?: WorkQueueProjectionStore },
): void {
  const store = deps.store ?? createWorkQueueProjectionStoreFromConfig(deps.config);
  app.storageQueue('workQueueProjector', {
    queueName: caseOutboxQueueName,
    connection: 'AzureWebJobsStorage',
    handler: workQueueProjectorHandler({ ...deps, store }),
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
