import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import {
  casesTableName,
  createTableCaseStore,
  outboxPendingTableName,
} from '../../functions/src/adapters/table-storage/case-store.table';
import { createTableEventLog } from '../../functions/src/adapters/table-storage/case-store-events.table';
import { casePartitionKey, eventRowKey } from '../../functions/src/adapters/table-storage/case-store-rows';
import { verifyChain, type CaseEventDraft, type JsonValue } from '../../functions/src/domain/events';
import {
  CaseStoreIntegrityError,
  ConcurrencyConflict,
  TransactionTooLarge,
  type CaseStore,
} from '../../functions/src/ports/case-store';
import type { Clock } from '../../functions/src/ports/event-log';

const clock: Clock = { now: () => new Date('2026-03-02T08:00:00.000Z') };
let counter = 0;
const newCaseId = () => `c0ffee00-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

const anEvent = (type: string, after: JsonValue = null): CaseEventDraft => ({
  type,
  occurredAt: clock.now().toISOString(),
  actor: { id: 'b0000001-5a1e-4d2c-9f00-000000000001', name: 'Sanne de Vries', kind: 'user' },
  channel: 'tab',
  data: { after },
});

describe('the case store on Azurite', () => {
  let azurite: RunningAzurite;
  let cases: TableClient;
  let store: CaseStore;
  const tableClient = (name: string) =>
    TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    cases = tableClient(casesTableName);
    store = createTableCaseStore({ cases, outboxPending: tableClient(outboxPendingTableName), clock });
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('creates a case in a table that does not exist yet and loads it back with its chain head', async () => {
    const caseId = newCaseId();
    const result = await store.commit(caseId, {
      expected: 'new',
      state: { title: 'Dakkapel', amount: 12000 },
      events: [anEvent('case.registered', { title: 'Dakkapel' })],
      columns: { number: 'ZAAK-2026-000001', status: 'open' },
    });
    expect(result.etag).toMatch(/\S/);
    expect(result.head.sequence).toBe(1);
    const loaded = await store.load(caseId);
    expect(loaded).toEqual({
      state: { title: 'Dakkapel', amount: 12000 },
      etag: result.etag,
      lastSequence: 1,
      lastHash: result.head.hash,
    });
    const row = await cases.getEntity<{ number: string; status: string }>(casePartitionKey(caseId), 'case');
    expect([row.number, row.status]).toEqual(['ZAAK-2026-000001', 'open']);
  });

  it('sends the transaction only after the writes that must come first, and writes nothing of the case when they fail', async () => {
    let claimStored = false;
    const claim = new Promise<void>((resolve) => setTimeout(() => resolve(void (claimStored = true)), 50));
    const first = newCaseId();
    await store.commit(first, {
      before: claim.then(async () => {
        // The case must not exist yet while what comes before it is being stored.
        await expect(store.load(first)).resolves.toBeNull();
      }),
      expected: 'new',
      state: { title: 'Na de claim' },
      events: [anEvent('case.registered')],
      outbox: [{ type: 'case.registered', payload: { caseId: first } }],
    });
    expect(claimStored).toBe(true);
    await expect(store.load(first)).resolves.toMatchObject({ state: { title: 'Na de claim' } });

    const refused = newCaseId();
    await expect(
      store.commit(refused, {
        before: Promise.reject(new Error('number taken')),
        expected: 'new',
        state: { title: 'Mag niet bestaan' },
        events: [anEvent('case.registered')],
        outbox: [{ type: 'case.registered', payload: { caseId: refused } }],
      }),
    ).rejects.toThrow('number taken');
    await expect(store.load(refused)).resolves.toBeNull();
    const rows = [];
    for await (const row of cases.listEntities({ queryOptions: { filter: `PartitionKey eq '${casePartitionKey(refused)}'` } }))
      rows.push(row);
    expect(rows).toEqual([]);
  });

  it('answers null for a case that does not exist', async () => {
    await expect(store.load(newCaseId())).resolves.toBeNull();
  });

  it('appends events after the loaded head, so the stored chain verifies', async () => {
    const caseId = newCaseId();
    await store.commit(caseId, { expected: 'new', state: { n: 0 }, events: [anEvent('case.registered')] });
    for (let n = 1; n <= 3; n++) {
      const loaded = await store.load(caseId);
      if (!loaded) throw new Error('case missing');
      await store.commit(caseId, {
        expected: loaded,
        state: { n },
        events: [anEvent('case.field-updated', { n }), anEvent('case.phase-changed', { n })],
      });
    }
    const events = await createTableEventLog(cases).allEvents(caseId);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const loaded = await store.load(caseId);
    expect(verifyChain(events, { sequence: loaded?.lastSequence ?? -1, hash: loaded?.lastHash ?? '' })).toMatchObject({
      ok: true,
      count: 7,
    });
  });

  it('refuses to create a case that exists, writing nothing', async () => {
    const caseId = newCaseId();
    const first = await store.commit(caseId, { expected: 'new', state: { v: 1 }, events: [anEvent('case.registered')] });
    const attempt = store.commit(caseId, { expected: 'new', state: { v: 2 }, events: [anEvent('case.registered')] });
    await expect(attempt).rejects.toEqual(expect.objectContaining({ name: 'ConcurrencyConflict', currentEtag: first.etag }));
    await expect(store.load(caseId)).resolves.toMatchObject({ state: { v: 1 }, lastSequence: 1 });
  });

  it('lets exactly one of many writers with the same ETag win; the losers’ events are not stored', async () => {
    const caseId = newCaseId();
    await store.commit(caseId, { expected: 'new', state: { writer: null }, events: [anEvent('case.registered')] });
    const loaded = await store.load(caseId);
    if (!loaded) throw new Error('case missing');
    const writers = Array.from({ length: 20 }, (_, writer) =>
      store.commit(caseId, {
        expected: loaded,
        state: { writer },
        events: [anEvent('case.field-updated', { writer })],
        outbox: [{ type: 'case.changed', payload: { writer } }],
      }),
    );
    const results = await Promise.allSettled(writers);
    const winners = results.flatMap((r, writer) => (r.status === 'fulfilled' ? [{ writer, etag: r.value.etag }] : []));
    const losers = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser).toBeInstanceOf(ConcurrencyConflict);
      expect((loser as ConcurrencyConflict).currentEtag).toBe(winners[0]?.etag);
    }
    const after = await store.load(caseId);
    expect(after?.state).toEqual({ writer: winners[0]?.writer });
    const events = await createTableEventLog(cases).allEvents(caseId);
    expect(events.map((e) => [e.sequence, e.data.after])).toEqual([
      [1, null],
      [2, { writer: winners[0]?.writer }],
    ]);
    const outboxRows = await rowsOf(caseId, 'outbox:');
    expect(outboxRows.map((r) => r.messageId)).toEqual([`${caseId}:2:0`]);
  });

  it('is all or nothing: a clashing event row fails the whole batch and leaves the case row as it was', async () => {
    const caseId = newCaseId();
    await store.commit(caseId, { expected: 'new', state: { v: 1 }, events: [anEvent('case.registered')] });
    const loaded = await store.load(caseId);
    if (!loaded) throw new Error('case missing');
    // A stray row where the second event of the next commit goes: the batch's third operation fails.
    await cases.createEntity({ partitionKey: casePartitionKey(caseId), rowKey: eventRowKey(3), kind: 'stray' });
    const attempt = store.commit(caseId, {
      expected: loaded,
      state: { v: 2 },
      events: [anEvent('case.field-updated'), anEvent('case.field-updated')],
      outbox: [{ type: 'case.changed' }],
    });
    await expect(attempt).rejects.toBeInstanceOf(CaseStoreIntegrityError);
    await expect(store.load(caseId)).resolves.toEqual(loaded);
    expect((await rowsOf(caseId, 'event:')).map((r) => r.rowKey)).toEqual([eventRowKey(1), eventRowKey(3)]);
    expect(await rowsOf(caseId, 'outbox:')).toEqual([]);
  });

  it('stores a state larger than a 64 KiB property across several columns and reads it back intact', async () => {
    const caseId = newCaseId();
    const notes = Array.from({ length: 400 }, (_, i) => ({ i, text: `Notitie ${i}: ${'ë€😀'.repeat(60)} ${'x'.repeat(200)}` }));
    const state = { notes };
    const stateLength = JSON.stringify(state).length;
    expect(stateLength * 2).toBeGreaterThan(64 * 1024 * 2); // well over 64 KiB of UTF-16
    await store.commit(caseId, { expected: 'new', state, events: [anEvent('case.registered')] });
    const row = await cases.getEntity<Record<string, unknown>>(casePartitionKey(caseId), 'case');
    expect(row.stateChunks).toBeGreaterThan(2);
    await expect(store.load(caseId)).resolves.toMatchObject({ state });
    // and a smaller state after it leaves no stale chunks behind
    const loaded = await store.load(caseId);
    if (!loaded) throw new Error('case missing');
    await store.commit(caseId, { expected: loaded, state: { notes: [] }, events: [anEvent('case.field-updated')] });
    const smaller = await cases.getEntity<Record<string, unknown>>(casePartitionKey(caseId), 'case');
    expect(Object.keys(smaller).filter((k) => k.startsWith('state_'))).toEqual(['state_0']);
    await expect(store.load(caseId)).resolves.toMatchObject({ state: { notes: [] } });
  });

  it('refuses a change beyond the batch limits before writing anything', async () => {
    const caseId = newCaseId();
    const tooMany = Array.from({ length: 100 }, () => anEvent('case.field-updated'));
    await expect(store.commit(caseId, { expected: 'new', state: {}, events: tooMany })).rejects.toEqual(
      expect.objectContaining({ name: 'TransactionTooLarge', limit: 'operations', actual: 101 }),
    );
    const hugeState = { blob: 'x'.repeat(600_000) }; // 1.2 MB as UTF-16: over the 1 MiB entity limit
    await expect(
      store.commit(caseId, { expected: 'new', state: hugeState, events: [anEvent('case.registered')] }),
    ).rejects.toEqual(expect.objectContaining({ name: 'TransactionTooLarge', limit: 'entity-bytes' }));
    const bigMessage = { type: 'case.changed', payload: 'y'.repeat(50_000) };
    await expect(
      store.commit(caseId, { expected: 'new', state: {}, events: [anEvent('case.registered')], outbox: [bigMessage] }),
    ).rejects.toBeInstanceOf(TransactionTooLarge);
    await expect(store.load(caseId)).resolves.toBeNull();
  });

  async function rowsOf(caseId: string, prefix: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    const filter = `PartitionKey eq '${casePartitionKey(caseId)}' and RowKey ge '${prefix}' and RowKey lt '${prefix.slice(0, -1)};'`;
    for await (const row of cases.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) rows.push(row);
    return rows;
  }
});
