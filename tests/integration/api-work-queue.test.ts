import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
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
