import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import { decode } from '../../infra/local/src/functions-host/storage-queues';
import {
  casesTableName,
  createTableCaseStore,
  outboxPendingTableName,
} from '../../functions/src/adapters/table-storage/case-store.table';
import { caseOutboxQueueName, createOutboxDispatcher } from '../../functions/src/adapters/table-storage/outbox-dispatcher.table';
import type { CaseEventDraft } from '../../functions/src/domain/events';
import type { Clock } from '../../functions/src/ports/event-log';

const anEvent = (type: string): CaseEventDraft => ({
  type,
  occurredAt: '2026-03-02T08:00:00.000Z',
  actor: { id: 'system:projector', name: 'Zaakwerk', kind: 'system' },
  channel: 'system',
  data: {},
});

describe('the case outbox on Azurite', () => {
  let azurite: RunningAzurite;
  let now = new Date('2026-03-02T08:00:00.000Z');
  const clock: Clock = { now: () => now };
  let cases: TableClient;
  let outboxPending: TableClient;
  let queue: QueueClient;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    const client = (name: string) =>
      TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
    cases = client(casesTableName);
    outboxPending = client(outboxPendingTableName);
    queue = new QueueClient(azurite.connectionString, caseOutboxQueueName);
  });
  afterAll(async () => {
    await azurite.stop();
  });

  const receiveAll = async (): Promise<unknown[]> => {
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
    for (const m of receivedMessageItems) await queue.deleteMessage(m.messageId, m.popReceipt);
    // decode() is the local Functions host's own queue-trigger decoding (base64 → JSON).
    return receivedMessageItems.map((m) => decode(m.messageText));
  };

  const outboxRowCount = async (caseId: string): Promise<number> => {
    let count = 0;
    const filter = `PartitionKey eq 'case:${caseId}' and RowKey ge 'outbox:' and RowKey lt 'outbox;'`;
    for await (const _ of cases.listEntities({ queryOptions: { filter } })) count++;
    return count;
  };

  it('sends a commit’s outbox rows as base64 JSON with a deterministic message id, then removes the rows', async () => {
    const store = createTableCaseStore({ cases, outboxPending, clock });
    const dispatcher = createOutboxDispatcher({ cases, outboxPending, queue, clock });
    const caseId = 'c0ffee00-0000-4000-8000-00000000000a';
    const commit = await store.commit(caseId, {
      expected: 'new',
      state: {},
      events: [anEvent('case.registered'), anEvent('case.assigned')],
      outbox: [{ type: 'case.changed', payload: { assigneeId: 'x' } }, { type: 'case.assigned' }],
    });
    expect(commit.outboxCount).toBe(2);
    expect(await outboxRowCount(caseId)).toBe(2);

    await expect(dispatcher.dispatchOutbox(caseId, commit.outboxMarker)).resolves.toBe(2);
    expect(await receiveAll()).toEqual([
      { messageId: `${caseId}:2:0`, caseId, sequence: 2, n: 0, type: 'case.changed', payload: { assigneeId: 'x' } },
      { messageId: `${caseId}:2:1`, caseId, sequence: 2, n: 1, type: 'case.assigned', payload: null },
    ]);
    expect(await outboxRowCount(caseId)).toBe(0);
    await expect(dispatcher.dispatchOutbox(caseId)).resolves.toBe(0);
    // the marker went with the dispatch, so a sweep later finds nothing
    now = new Date(now.getTime() + 10 * 60 * 1000);
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 0, messages: 0 });
  });

  it('sweeps what a crashed dispatch left behind, once its marker is old enough', async () => {
    now = new Date('2026-03-03T08:00:00.000Z');
    const store = createTableCaseStore({ cases, outboxPending, clock });
    const dispatcher = createOutboxDispatcher({ cases, outboxPending, queue, clock });
    const caseId = 'c0ffee00-0000-4000-8000-00000000000b';
    await store.commit(caseId, {
      expected: 'new',
      state: {},
      events: [anEvent('case.registered')],
      outbox: [{ type: 'case.changed' }],
    });
    // ...and the process dies before dispatchOutbox.
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 0, messages: 0 }); // too young yet
    now = new Date(now.getTime() + 6 * 60 * 1000);
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 1, messages: 1 });
    expect(await receiveAll()).toEqual([expect.objectContaining({ messageId: `${caseId}:1:0`, type: 'case.changed' })]);
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 0, messages: 0 });
  });

  it('removes a sent row and its marker together; a row that could not be removed is marked again for the sweep', async () => {
    now = new Date('2026-03-04T08:00:00.000Z');
    const store = createTableCaseStore({ cases, outboxPending, clock });
    const caseId = 'c0ffee00-0000-4000-8000-00000000000e';
    const commit = await store.commit(caseId, {
      expected: 'new',
      state: {},
      events: [anEvent('case.registered')],
      outbox: [{ type: 'case.registered' }],
    });
    // The Cases table refuses this one delete (storage hiccup), everything else is real Azurite.
    let refused = 0;
    const flakyCases = new Proxy(cases, {
      get(target, property, receiver) {
        if (property === 'deleteEntity') {
          return () => {
            refused++;
            return Promise.reject(Object.assign(new Error('storage hiccup'), { statusCode: 503 }));
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const flaky = createOutboxDispatcher({ cases: flakyCases, outboxPending, queue, clock });
    await expect(flaky.dispatchOutbox(caseId, commit.outboxMarker, commit.outboxMessages)).rejects.toThrow('storage hiccup');
    expect(refused).toBe(1);
    expect(await receiveAll()).toEqual([expect.objectContaining({ messageId: `${caseId}:1:0` })]);
    expect(await outboxRowCount(caseId)).toBe(1);

    // The original marker went with the dispatch; the new one lets the sweep finish the job.
    now = new Date(now.getTime() + 6 * 60 * 1000);
    const dispatcher = createOutboxDispatcher({ cases, outboxPending, queue, clock });
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 1, messages: 1 });
    expect(await outboxRowCount(caseId)).toBe(0);
    expect(await receiveAll()).toEqual([expect.objectContaining({ messageId: `${caseId}:1:0` })]); // once more, deduped by its id
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 0, messages: 0 });
  });

  it('drops the marker of a commit that failed, sending nothing', async () => {
    now = new Date('2026-03-04T08:00:00.000Z');
    const store = createTableCaseStore({ cases, outboxPending, clock });
    const dispatcher = createOutboxDispatcher({ cases, outboxPending, queue, clock });
    const caseId = 'c0ffee00-0000-4000-8000-00000000000c';
    await store.commit(caseId, { expected: 'new', state: {}, events: [anEvent('case.registered')] });
    const stale = { etag: 'W/"datetime\'2000-01-01T00%3A00%3A00.0000000Z\'"', lastSequence: 1, lastHash: '0'.repeat(64) };
    await expect(
      store.commit(caseId, {
        expected: stale,
        state: {},
        events: [anEvent('case.assigned')],
        outbox: [{ type: 'case.changed' }],
      }),
    ).rejects.toMatchObject({ name: 'ConcurrencyConflict' });
    now = new Date(now.getTime() + 6 * 60 * 1000);
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 1, messages: 0 });
    expect(await receiveAll()).toEqual([]);
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 0, messages: 0 });
  });
  it('dispatches exactly the rows a commit wrote when given them, leaving older leftovers to the sweep', async () => {
    now = new Date('2026-03-05T08:00:00.000Z');
    const store = createTableCaseStore({ cases, outboxPending, clock });
    const dispatcher = createOutboxDispatcher({ cases, outboxPending, queue, clock });
    const caseId = 'c0ffee00-0000-4000-8000-00000000000d';
    const first = await store.commit(caseId, {
      expected: 'new',
      state: {},
      events: [anEvent('case.registered')],
      outbox: [{ type: 'case.registered' }],
    });
    // ...the first dispatch never ran (a crash); the second commit dispatches its own rows only.
    const loaded = await store.load(caseId);
    const second = await store.commit(caseId, {
      expected: { etag: loaded!.etag, lastSequence: loaded!.lastSequence, lastHash: loaded!.lastHash },
      state: {},
      events: [anEvent('case.assigned')],
      outbox: [{ type: 'case.changed' }, { type: 'case.assigned' }],
    });
    expect(second.outboxMessages?.map((m) => m.messageId)).toEqual([`${caseId}:2:0`, `${caseId}:2:1`]);
    await expect(dispatcher.dispatchOutbox(caseId, second.outboxMarker, second.outboxMessages)).resolves.toBe(2);
    expect(await receiveAll()).toEqual([
      expect.objectContaining({ messageId: `${caseId}:2:0`, type: 'case.changed' }),
      expect.objectContaining({ messageId: `${caseId}:2:1`, type: 'case.assigned' }),
    ]);
    expect(await outboxRowCount(caseId)).toBe(1);
    now = new Date(now.getTime() + 6 * 60 * 1000);
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 1, messages: 1 });
    expect(await receiveAll()).toEqual([expect.objectContaining({ messageId: first.outboxMessages?.[0]?.messageId })]);
    expect(await outboxRowCount(caseId)).toBe(0);
    await expect(dispatcher.sweepOutbox()).resolves.toEqual({ cases: 0, messages: 0 });
  });

  it('writes and removes the markers of many concurrent commits (grouped into transactions) without losing one', async () => {
    now = new Date('2026-03-06T08:00:00.000Z');
    const store = createTableCaseStore({ cases, outboxPending, clock });
    const dispatcher = createOutboxDispatcher({ cases, outboxPending, queue, clock });
    const ids = Array.from({ length: 150 }, (_, i) => `c0ffee00-0000-4000-8000-1${String(i).padStart(11, '0')}`);
    const commits = await Promise.all(
      ids.map((caseId) =>
        store.commit(caseId, { expected: 'new', state: {}, events: [anEvent('case.registered')], outbox: [{ type: 'x' }] }),
      ),
    );
    const markers = async () => {
      const found: string[] = [];
      const filter = `PartitionKey eq 'pending' and RowKey ge '2026-03-06' and RowKey lt '2026-03-07'`;
      for await (const row of outboxPending.listEntities({ queryOptions: { filter } })) found.push(String(row.rowKey));
      return found.sort();
    };
    expect(await markers()).toEqual(commits.map((c) => c.outboxMarker).sort());
    // Half dispatch twice at once (a delete of a marker already gone fails a grouped transaction, and
    // must fall back to single deletes rather than fail the others).
    await Promise.all(
      ids.flatMap((caseId, i) => {
        const c = commits[i]!;
        const once = () => dispatcher.dispatchOutbox(caseId, c.outboxMarker, c.outboxMessages);
        return i % 2 === 0 ? [once(), once()] : [once()];
      }),
    );
    expect(await markers()).toEqual([]);
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32 });
    expect(receivedMessageItems.length).toBeGreaterThan(0);
    await queue.clearMessages();
  });
});
