import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import { AppError } from '../../functions/src/app/errors';
import {
  createWorkQueueReader,
  deleteWorkQueueEntry,
  upsertWorkQueueEntry,
  workQueueTableName,
} from '../../functions/src/adapters/table-storage/work-queue.table';
import type { WorkQueueEntry } from '../../functions/src/ports/work-queue';
import { createCaseQueueReader } from '../../functions/src/adapters/table-storage/case-queues.table';
import {
  allWorkQueueRows,
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import { expectedWorkQueueRows } from '../../functions/src/app/projections/work-queue-rows';
import { parseSearch } from '../../functions/src/app/projections/work-queue-keys';
import type { QueueListing, QueueRow } from '../../functions/src/ports/case-queues';
import { aCaseState } from '../../functions/src/test-support/a-case-state';

const sanne = 'b0000001-5a1e-4d2c-9f00-000000000001';
const daan = 'b0000002-5a1e-4d2c-9f00-000000000002';

const entry = (caseId: string, assigneeId: string, finalDeadline: string | null): WorkQueueEntry => ({
  caseId,
  number: `ZAAK-2026-${caseId.slice(-6)}`,
  title: `Zaak ${caseId}`,
  caseTypeKey: 'omgevingsvergunning',
  caseTypeName: 'Omgevingsvergunning',
  status: 'open',
  phaseKey: finalDeadline ? 'intake' : null,
  phaseName: finalDeadline ? 'Intake' : null,
  finalDeadline,
  receivedOn: '2026-01-05',
  assigneeId,
  assigneeName: assigneeId === sanne ? 'Sanne de Vries' : 'Daan Bakker',
  confidentiality: 'intern',
});

describe('the work-queue table adapter on Azurite', () => {
  let azurite: RunningAzurite;
  let table: TableClient;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    table = TableClient.fromConnectionString(azurite.connectionString, workQueueTableName, { allowInsecureConnection: true });
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('reads an empty queue before the table exists', async () => {
    await expect(createWorkQueueReader(table).listAssignedTo(sanne, { limit: 50 })).resolves.toEqual({
      entries: [],
      nextCursor: null,
    });
  });

  it('returns only the assignee’s own rows, earliest deadline first and cases without deadline last', async () => {
    await upsertWorkQueueEntry(table, entry('case-000003', sanne, '2026-04-01'));
    await upsertWorkQueueEntry(table, entry('case-000001', sanne, null));
    await upsertWorkQueueEntry(table, entry('case-000002', sanne, '2026-02-15'));
    await upsertWorkQueueEntry(table, entry('case-000009', daan, '2026-01-01'));
    const page = await createWorkQueueReader(table).listAssignedTo(sanne, { limit: 50 });
    expect(page.entries.map((e) => [e.caseId, e.finalDeadline])).toEqual([
      ['case-000002', '2026-02-15'],
      ['case-000003', '2026-04-01'],
      ['case-000001', null],
    ]);
    expect(page.entries[2]).toEqual(entry('case-000001', sanne, null));
    expect(page.nextCursor).toBeNull();
  });

  it('is idempotent: writing the same entry twice keeps one row with the latest values', async () => {
    await upsertWorkQueueEntry(table, { ...entry('case-000002', sanne, '2026-02-15'), title: 'Nieuwe titel' });
    const page = await createWorkQueueReader(table).listAssignedTo(sanne, { limit: 50 });
    expect(page.entries.filter((e) => e.caseId === 'case-000002').map((e) => e.title)).toEqual(['Nieuwe titel']);
  });

  it('pages with an opaque cursor until the end', async () => {
    const reader = createWorkQueueReader(table);
    const first = await reader.listAssignedTo(sanne, { limit: 2 });
    expect(first.entries).toHaveLength(2);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await reader.listAssignedTo(sanne, { limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.entries.map((e) => e.caseId)).toEqual(['case-000001']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a made-up cursor as invalid input', async () => {
    const reader = createWorkQueueReader(table);
    for (const cursor of ['bm90LWEtY3Vyc29y', '!!', Buffer.from('{"other":1}').toString('base64url')]) {
      const error = await reader.listAssignedTo(sanne, { limit: 1, cursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'request.invalid', options: { errors: [{ path: 'query.cursor' }] } });
    }
  });

  it('never shows another assignee’s rows, even with a cursor from their list', async () => {
    const reader = createWorkQueueReader(table);
    await upsertWorkQueueEntry(table, entry('case-000010', daan, '2026-03-01'));
    const daansCursor = (await reader.listAssignedTo(daan, { limit: 1 })).nextCursor;
    expect(daansCursor).not.toBeNull();
    const page = await reader.listAssignedTo(sanne, { limit: 50, cursor: daansCursor ?? '' });
    expect(page.entries.every((e) => e.assigneeId === sanne)).toBe(true);
  });

  it('deletes an entry, and deleting it again is fine', async () => {
    await deleteWorkQueueEntry(table, entry('case-000003', sanne, '2026-04-01'));
    await deleteWorkQueueEntry(table, entry('case-000003', sanne, '2026-04-01'));
    const page = await createWorkQueueReader(table).listAssignedTo(sanne, { limit: 50 });
    expect(page.entries.map((e) => e.caseId)).not.toContain('case-000003');
  });
});

/**
 * The work-queue reader of ADR 0020 on Azurite: several partitions merged by row key, one request per
 * partition per page, rows the caller may not see read past (never skipping or repeating a row), and the
 * projection store's per-partition transactions (also when a row to delete is already gone).
 */
describe('the work-queue reader and projection store on Azurite (sorts, search, paging)', () => {
  let azurite: RunningAzurite;
  let workQueue: TableClient;
  let views: TableClient;
  let index: TableClient;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    const client = (name: string) =>
      TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
    workQueue = client(workQueueTableName);
    views = client(workQueueViewsTableName);
    index = client(workQueueIndexTableName);
  });
  afterAll(async () => {
    await azurite.stop();
  });

  /** Twelve open cases of two types, half of them `geheim`, received and changed on different days. */
  const states = Array.from({ length: 12 }, (_, i) =>
    aCaseState({
      id: `case-${String(i).padStart(2, '0')}`,
      number: `ZAAK-2026-${String(100 + i).padStart(6, '0')}`,
      title: i % 3 === 0 ? `Dakkapel ${i}` : `Schuur ${i}`,
      caseType: { key: i % 2 === 0 ? 'omgevingsvergunning' : 'klacht', version: 1, name: 'Type' },
      confidentiality: i % 4 === 1 ? 'geheim' : 'intern',
      receivedOn: `2026-03-${String(1 + ((i * 5) % 12)).padStart(2, '0')}`,
      deadline: { final: `2026-05-${String(1 + ((i * 7) % 12)).padStart(2, '0')}`, planned: null, suspendedDays: 0 },
      updatedAt: `2026-03-20T10:${String((i * 11) % 60).padStart(2, '0')}:00.000Z`,
      assignee: null,
    }),
  );
  const partitions = ['caseType:omgevingsvergunning', 'caseType:klacht'];
  const keep = (row: QueueRow) => row.confidentiality !== 'geheim';
  const visible = states.filter((state) => state.confidentiality !== 'geheim');
  const filter = { today: '2026-04-01' };

  const everyPage = async (listing: QueueListing, limit: number) => {
    const reader = createCaseQueueReader(workQueue, views);
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await reader.list(partitions, filter, { limit, ...(cursor ? { cursor } : {}) }, { ...listing, keep });
      expect(page.rows.length).toBeLessThanOrEqual(limit);
      ids.push(...page.rows.map((row) => row.caseId));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
    throw new Error('more than 50 pages');
  };

  it('writes every row of the cases in per-partition transactions, also when a row to delete is gone', async () => {
    const store = createWorkQueueProjectionStore({ workQueue, index, views });
    for (const state of states) {
      const rows = expectedWorkQueueRows(state);
      if (!store.writeRows) throw new Error('the table store batches');
      // A delete of a row that was never there makes a transaction fail: it is redone row by row.
      await store.writeRows(rows, [{ partitionKey: 'caseType:klacht|updated', rowKey: `u~gone|${state.id}` }]);
    }
    const stored: string[] = [];
    for await (const row of allWorkQueueRows(workQueue, views)) stored.push(`${String(row.partitionKey)} ${String(row.rowKey)}`);
    const expected = states.flatMap((state) => expectedWorkQueueRows(state)).map((row) => `${row.partitionKey} ${row.rowKey}`);
    expect(stored.sort()).toEqual(expected.sort());
  });

  it('pages each sort across partitions in order, each visible case once, whatever the page size', async () => {
    const byDeadline = [...visible].sort(
      (a, b) => (a.deadline.final ?? '').localeCompare(b.deadline.final ?? '') || a.id.localeCompare(b.id),
    );
    const byReceived = [...visible].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || a.id.localeCompare(b.id));
    const byUpdated = [...visible].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    for (const limit of [1, 2, 5, 50]) {
      expect(await everyPage({ sort: 'deadline' }, limit)).toEqual(byDeadline.map((state) => state.id));
      expect(await everyPage({ sort: 'received' }, limit)).toEqual(byReceived.map((state) => state.id));
      expect(await everyPage({ sort: 'updated' }, limit)).toEqual(byUpdated.map((state) => state.id));
    }
  });

  it('pages a search through its index term, the other terms checked per row, hidden rows never served', async () => {
    const parsed = parseSearch('dak');
    if (!('query' in parsed)) throw new Error('a valid search');
    const dakkapel = visible
      .filter((state) => state.title.startsWith('Dakkapel'))
      .sort((a, b) => (a.deadline.final ?? '').localeCompare(b.deadline.final ?? ''))
      .map((state) => state.id);
    expect(dakkapel.length).toBeGreaterThan(1);
    for (const limit of [1, 3, 50]) expect(await everyPage({ sort: 'deadline', search: parsed.query }, limit)).toEqual(dakkapel);
    const byNumber = parseSearch('ZAAK-2026-000103 dakkapel');
    if (!('query' in byNumber)) throw new Error('a valid search');
    expect(await everyPage({ sort: 'deadline', search: byNumber.query }, 5)).toEqual(['case-03']);
  });

  it('refuses a cursor of another sort', async () => {
    const reader = createCaseQueueReader(workQueue, views);
    const page = await reader.list(partitions, filter, { limit: 1 }, { sort: 'received' });
    const error = await reader
      .list(partitions, filter, { limit: 1, cursor: page.nextCursor ?? '' }, { sort: 'updated' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'request.invalid', options: { errors: [{ path: 'query.cursor' }] } });
  });
});
