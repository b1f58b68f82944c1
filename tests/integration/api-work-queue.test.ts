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
