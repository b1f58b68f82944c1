import { TableClient } from '@azure/data-tables';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import {
  casesTableName,
  createTableCaseStore,
  outboxPendingTableName,
} from '../../functions/src/adapters/table-storage/case-store.table';
import { createTableEventLog } from '../../functions/src/adapters/table-storage/case-store-events.table';
import { casePartitionKey, eventRowKey } from '../../functions/src/adapters/table-storage/case-store-rows';
import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import type { CaseEventDraft } from '../../functions/src/domain/events';
import type { CaseStore } from '../../functions/src/ports/case-store';
import type { Clock, EventLog } from '../../functions/src/ports/event-log';

const clock: Clock = { now: () => new Date('2026-03-02T08:00:00.000Z') };
const anEvent = (n: number): CaseEventDraft => ({
  type: n === 1 ? 'case.registered' : 'case.field-updated',
  occurredAt: clock.now().toISOString(),
  actor: { id: 'b0000001-5a1e-4d2c-9f00-000000000001', name: 'Sanne de Vries', kind: 'user' },
  onBehalfOf: n % 2 === 0 ? { id: 'b0000002-5a1e-4d2c-9f00-000000000002', name: 'Daan Bakker' } : undefined,
  channel: n % 2 === 0 ? 'bot' : 'tab',
  data: { before: { amount: n - 1 }, after: { amount: n } },
});

describe('audit verification on Azurite', () => {
  let azurite: RunningAzurite;
  let cases: TableClient;
  let store: CaseStore;
  let eventLog: EventLog;

  /** A case with `count` events, written one commit per event. */
  const aCaseWithEvents = async (caseId: string, count: number): Promise<void> => {
    await store.commit(caseId, { expected: 'new', state: { amount: 1 }, events: [anEvent(1)] });
    for (let n = 2; n <= count; n++) {
      const loaded = await store.load(caseId);
      if (!loaded) throw new Error('case missing');
      await store.commit(caseId, { expected: loaded, state: { amount: n }, events: [anEvent(n)] });
    }
  };

  const editEventRow = async (caseId: string, sequence: number, edit: (json: string) => string): Promise<void> => {
    const row = await cases.getEntity<Record<string, unknown>>(casePartitionKey(caseId), eventRowKey(sequence));
    await cases.updateEntity(
      { partitionKey: casePartitionKey(caseId), rowKey: eventRowKey(sequence), event_0: edit(String(row.event_0)) },
      'Merge',
    );
  };

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    const client = (name: string) =>
      TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
    cases = client(casesTableName);
    store = createTableCaseStore({ cases, outboxPending: client(outboxPendingTableName), clock });
    eventLog = createTableEventLog(cases);
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('reports an untouched case as intact', async () => {
    await aCaseWithEvents('case-intact', 4);
    await expect(verifyCaseChain({ caseStore: store, eventLog }, 'case-intact')).resolves.toEqual({
      caseId: 'case-intact',
      ok: true,
      count: 4,
    });
  });

  it('finds an amount changed directly in the table at that event', async () => {
    await aCaseWithEvents('case-amount', 5);
    await editEventRow('case-amount', 3, (json) => json.replace('"after":{"amount":3}', '"after":{"amount":30000}'));
    await expect(verifyCaseChain({ caseStore: store, eventLog }, 'case-amount')).resolves.toEqual({
      caseId: 'case-amount',
      ok: false,
      brokenAt: 3,
      reason: 'hash-mismatch',
    });
  });

  it('finds a deleted event row', async () => {
    await aCaseWithEvents('case-deleted', 4);
    await cases.deleteEntity(casePartitionKey('case-deleted'), eventRowKey(2));
    await expect(verifyCaseChain({ caseStore: store, eventLog }, 'case-deleted')).resolves.toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'sequence-gap',
    });
  });

  it('finds the last event removed, against the head on the case row', async () => {
    await aCaseWithEvents('case-truncated', 3);
    await cases.deleteEntity(casePartitionKey('case-truncated'), eventRowKey(3));
    await expect(verifyCaseChain({ caseStore: store, eventLog }, 'case-truncated')).resolves.toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'head-mismatch',
    });
  });

  it('reports an event row that no longer parses at its sequence', async () => {
    await aCaseWithEvents('case-garbled', 3);
    await editEventRow('case-garbled', 2, (json) => json.slice(0, 20));
    await expect(verifyCaseChain({ caseStore: store, eventLog }, 'case-garbled')).resolves.toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'unreadable-event',
    });
  });

  it('pages events oldest first and newest first with cursors', async () => {
    await aCaseWithEvents('case-paged', 7);
    const sequences = async (newestFirst: boolean) => {
      const seen: number[][] = [];
      let cursor: string | undefined;
      do {
        const page = await eventLog.listEvents('case-paged', { limit: 3, newestFirst, ...(cursor ? { cursor } : {}) });
        seen.push(page.events.map((e) => e.sequence));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    await expect(sequences(false)).resolves.toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    await expect(sequences(true)).resolves.toEqual([[7, 6, 5], [4, 3, 2], [1]]);
    const fromFive = await eventLog.listEvents('case-paged', { limit: 10, fromSequence: 5 });
    expect(fromFive.events.map((e) => e.sequence)).toEqual([5, 6, 7]);
    expect(fromFive.nextCursor).toBeNull();
    const oldestFirst = await eventLog.listEvents('case-paged', { limit: 3 });
    await expect(
      eventLog.listEvents('case-paged', { limit: 3, newestFirst: true, cursor: oldestFirst.nextCursor ?? '' }),
    ).rejects.toMatchObject({ code: 'request.invalid' });
  });

  it('runs as `audit:verify`: one line per case, exit code 1 when a chain is broken', async () => {
    const env = { ...process.env, ZAAKWERK_ENV: 'local', ZAAKWERK_STORAGE_CONNECTION_STRING: azurite.connectionString };
    const cli = join(__dirname, '../../functions/dist/src/cli/audit-verify.js');
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, [cli, ...args], { env }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );

    const intact = await run('--case', 'case-intact');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^OK\s+case-intact \(4 events\)$/m);

    const all = await run('--all');
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/^BROKEN\s+case-amount: first broken link at sequence 3 \(hash-mismatch\)$/m);
    expect(all.stdout).toMatch(/^OK\s+case-paged \(7 events\)$/m);

    expect((await run('--case')).code).toBe(2);
  });
});
