import type { InvocationContext } from '@azure/functions';
import { QueueServiceClient } from '@azure/storage-queue';
import { startAzurite, type RunningAzurite } from '../azurite';
import { startFunctionsHost, type RunningFunctionsHost } from './index';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('storage queue triggers against Azurite', () => {
  let azurite: RunningAzurite;
  let queues: QueueServiceClient;
  let host: RunningFunctionsHost | undefined;
  let queueCounter = 0;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    queues = QueueServiceClient.fromConnectionString(azurite.connectionString);
  });
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });
  afterAll(async () => {
    await azurite.stop();
  });

  async function serve(handler: (item: unknown, context: InvocationContext) => Promise<void>) {
    const queueName = `work-${++queueCounter}`;
    host = await startFunctionsHost({
      name: 'queues',
      port: 0,
      storageConnectionString: azurite.connectionString,
      queues: { maxDequeueCount: 3, visibilityTimeoutSeconds: 0, maxPollingIntervalMs: 200 },
      log: () => undefined,
      register: (app) => app.storageQueue('worker', { queueName, connection: 'AzureWebJobsStorage', handler }),
    });
    const queue = queues.getQueueClient(queueName);
    await queue.createIfNotExists();
    return { queue, poison: queues.getQueueClient(`${queueName}-poison`) };
  }

  const count = async (queue: ReturnType<QueueServiceClient['getQueueClient']>) =>
    (await queue.exists()) ? ((await queue.getProperties()).approximateMessagesCount ?? 0) : 0;

  it('hands a base64 JSON message to the function once, parsed, with trigger metadata, then deletes it', async () => {
    const calls: { item: unknown; metadata: unknown }[] = [];
    const { queue } = await serve(async (item, context) => void calls.push({ item, metadata: context.triggerMetadata }));
    await queue.sendMessage(base64(JSON.stringify({ caseId: 'c-1', kind: 'CaseAssigned' })));
    await eventually(() => calls.length === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.item).toEqual({ caseId: 'c-1', kind: 'CaseAssigned' });
    expect(calls[0]?.metadata).toMatchObject({
      dequeueCount: 1,
      id: expect.any(String),
      insertionTime: expect.any(String),
      popReceipt: expect.any(String),
    });
    expect(await count(queue)).toBe(0);
  });

  it('hands a plain-text message over as a string', async () => {
    const items: unknown[] = [];
    const { queue } = await serve(async (item) => void items.push(item));
    await queue.sendMessage(base64('hallo wereld'));
    await eventually(() => items.length === 1);
    expect(items).toEqual(['hallo wereld']);
  });

  it('retries a failing message and succeeds on a later attempt without poisoning it', async () => {
    const attempts: number[] = [];
    const { queue, poison } = await serve(async (_item, context) => {
      attempts.push(context.triggerMetadata?.dequeueCount as number);
      if (attempts.length < 2) throw new Error('transient');
    });
    await queue.sendMessage(base64('{"n":1}'));
    await eventually(() => attempts.length === 2);
    await eventually(async () => (await count(queue)) === 0);
    expect(attempts).toEqual([1, 2]);
    expect(await count(poison)).toBe(0);
  });

  it('moves a message that keeps failing to <queue>-poison after maxDequeueCount attempts', async () => {
    let attempts = 0;
    const { queue, poison } = await serve(async () => {
      attempts++;
      throw new Error('always fails');
    });
    const text = base64('{"poison":true}');
    await queue.sendMessage(text);
    await eventually(async () => (await count(poison)) === 1);
    expect(attempts).toBe(3);
    expect(await count(queue)).toBe(0);
    const [poisoned] = (await poison.receiveMessages()).receivedMessageItems;
    expect(poisoned?.messageText).toBe(text);
  });

  it('poisons a message that is not base64 without calling the function', async () => {
    let calls = 0;
    const { queue, poison } = await serve(async () => void calls++);
    await queue.sendMessage('{not base64}');
    await eventually(async () => (await count(poison)) === 1);
    expect(calls).toBe(0);
  });

  it('stops polling when closed', async () => {
    let calls = 0;
    const { queue } = await serve(async () => void calls++);
    await host?.close();
    host = undefined;
    await queue.sendMessage(base64('after close'));
    await new Promise((r) => setTimeout(r, 700));
    expect(calls).toBe(0);
    expect(await count(queue)).toBe(1);
  });
});
