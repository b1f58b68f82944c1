import type { StorageQueueFunctionOptions } from '@azure/functions';
import { QueueServiceClient, type DequeuedMessageItem } from '@azure/storage-queue';
import { setTimeout as sleep } from 'node:timers/promises';
import { invocationContext, type HostLog, type InvocationTracker } from './invocations';

/** The host.json `extensions.queues` settings the local host honours (Azure defaults). */
export interface QueueOptions {
  maxDequeueCount: number;
  /** How long a failed message stays invisible before the retry (host.json visibilityTimeout). */
  visibilityTimeoutSeconds: number;
  batchSize: number;
  minPollingIntervalMs: number;
  maxPollingIntervalMs: number;
  /** While a handler runs its message stays invisible for this long (default 300 s; tests of a killed host shorten it). */
  leaseSeconds?: number;
}

export const defaultQueueOptions: QueueOptions = {
  maxDequeueCount: 5,
  visibilityTimeoutSeconds: 0,
  batchSize: 16,
  minPollingIntervalMs: 100,
  maxPollingIntervalMs: 2000,
};

/** While a handler runs its message stays invisible for this long (the host renews it; we simply wait). */
const defaultLeaseSeconds = 300;

/**
 * Resolves a trigger's `connection` like the Functions host: the app setting of that name, else
 * `AzureWebJobs<name>`; the default connection is AzureWebJobsStorage.
 */
export function resolveConnection(
  functionName: string,
  connection: string | undefined,
  settings: Record<string, string | undefined>,
  fallback: string | undefined,
): string {
  const name = connection && connection !== '' ? connection : 'AzureWebJobsStorage';
  const value = settings[name] ?? settings[`AzureWebJobs${name}`] ?? (name === 'AzureWebJobsStorage' ? fallback : undefined);
  if (!value)
    throw new Error(`queue trigger ${functionName}: connection setting "${name}" is not set (give a storage connection string)`);
  return value;
}

export interface QueuePoller {
  name: string;
  queueName: string;
  stop(): Promise<void>;
}

/**
 * Polls one Azurite/Azure Storage queue for a queue-triggered function with the Functions host's
 * semantics: base64 messages (JSON parsed when it is JSON), delete on success, retry after the
 * visibility timeout on failure, `<queue>-poison` after maxDequeueCount attempts; idle backoff
 * from minPollingInterval to maxPollingInterval.
 */
export function startQueuePoller(
  name: string,
  options: StorageQueueFunctionOptions,
  deps: {
    connectionString: string;
    settings: Record<string, string | undefined>;
    queueOptions: QueueOptions;
    log: HostLog;
    tracker: InvocationTracker;
  },
): QueuePoller {
  const queueName = options.queueName.replace(/%([^%]+)%/g, (_, setting: string) => deps.settings[setting] ?? '');
  const service = QueueServiceClient.fromConnectionString(deps.connectionString);
  const queue = service.getQueueClient(queueName);
  const poison = service.getQueueClient(`${queueName}-poison`);
  const { maxDequeueCount, visibilityTimeoutSeconds, batchSize, minPollingIntervalMs, maxPollingIntervalMs } = deps.queueOptions;
  const stopping = new AbortController();
  let queueReady = false;
  let storageDown = false;

  const handle = async (message: DequeuedMessageItem): Promise<void> => {
    if (message.dequeueCount > maxDequeueCount) return moveToPoison(message);
    try {
      const item = decode(message.messageText);
      const context = invocationContext(name, deps.log, {
        triggerMetadata: {
          id: message.messageId,
          queueTrigger: typeof item === 'string' ? item : JSON.stringify(item),
          dequeueCount: message.dequeueCount,
          insertionTime: message.insertedOn.toISOString(),
          expirationTime: message.expiresOn.toISOString(),
          nextVisibleTime: message.nextVisibleOn.toISOString(),
          popReceipt: message.popReceipt,
        },
        options: { trigger: { type: 'queueTrigger', name: 'queueItem', queueName, connection: options.connection } },
      });
      await options.handler(item, context);
    } catch (error) {
      deps.log(
        `[${name}] error: message ${message.messageId} failed (attempt ${message.dequeueCount} of ${maxDequeueCount}): ${describe(error)}`,
      );
      if (message.dequeueCount >= maxDequeueCount) return moveToPoison(message);
      await queue.updateMessage(message.messageId, message.popReceipt, undefined, visibilityTimeoutSeconds);
      return;
    }
    await queue.deleteMessage(message.messageId, message.popReceipt);
  };

  const moveToPoison = async (message: DequeuedMessageItem): Promise<void> => {
    await poison.createIfNotExists();
    await poison.sendMessage(message.messageText);
    await queue.deleteMessage(message.messageId, message.popReceipt);
    deps.log(
      `[${name}] warning: message ${message.messageId} moved to ${queueName}-poison after ${message.dequeueCount} attempts`,
    );
  };

  const pollOnce = async (): Promise<number> => {
    if (!queueReady) {
      await queue.createIfNotExists();
      queueReady = true;
    }
    const { receivedMessageItems } = await queue.receiveMessages({
      numberOfMessages: batchSize,
      visibilityTimeout: deps.queueOptions.leaseSeconds ?? defaultLeaseSeconds,
    });
    await Promise.all(receivedMessageItems.map((message) => deps.tracker.track(handle(message))));
    return receivedMessageItems.length;
  };

  const loop = (async () => {
    let delay = minPollingIntervalMs;
    while (!stopping.signal.aborted) {
      try {
        const received = await pollOnce();
        if (storageDown) deps.log(`[${name}] queue ${queueName} reachable again`);
        storageDown = false;
        delay = received > 0 ? minPollingIntervalMs : Math.min(delay * 2, maxPollingIntervalMs);
        if (received > 0) continue;
      } catch (error) {
        if (!storageDown) deps.log(`[${name}] warning: cannot poll queue ${queueName}: ${describe(error)}`);
        storageDown = true;
        queueReady = false;
        delay = maxPollingIntervalMs;
      }
      await sleep(delay, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  })();

  return {
    name,
    queueName,
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}

/** Base64 as the Functions host expects by default; the text is JSON-parsed when it is JSON. */
export function decode(messageText: string): unknown {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(messageText) || messageText.length % 4 !== 0) {
    throw new Error('the message is not base64 encoded (host.json messageEncoding is base64)');
  }
  const text = Buffer.from(messageText, 'base64').toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
