import { TableClient } from '@azure/data-tables';
import { accessLogTableName, createTableAccessLog } from '../../functions/src/adapters/table-storage/access-log.table';
import type { AccessLog, AccessRecord } from '../../functions/src/ports/access-log';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';

const record = (id: string, at: string, caseId: string, parties: AccessRecord['parties']): AccessRecord => ({
  id,
  at,
  caseId,
  caseNumber: `ZAAK-${caseId}`,
  caseTypeKey: 'klacht',
  confidentiality: 'zaakvertrouwelijk',
  user: { id: 'u-1', name: 'Sanne de Vries' },
  via: null,
  channel: 'tab',
  purpose: 'case',
  parties,
});
const anna = { role: 'klager', name: 'Anna  Aanvrager', email: 'Anna@Example.nl' };
const karel = { role: 'klager', name: 'Karel/Klager #1?', email: null };

describe('the access-log table adapter on Azurite', () => {
  let azurite: RunningAzurite;
  let table: TableClient;
  let log: AccessLog;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    table = TableClient.fromConnectionString(azurite.connectionString, accessLogTableName, { allowInsecureConnection: true });
    log = createTableAccessLog(table);
    await log.append(record('r-1', '2026-03-10T09:00:00.000Z', 'c-1', [anna]));
    await log.append(record('r-2', '2026-03-10T10:00:00.000Z', 'c-1', [anna, karel]));
    await log.append(record('r-3', '2026-03-10T11:00:00.000Z', 'c-2', [karel]));
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('lists a case’s records newest first, page by page with a cursor', async () => {
    const first = await log.listForCase('c-1', { limit: 1 });
    expect(first.records.map((r) => r.id)).toEqual(['r-2']);
    expect(first.nextCursor).not.toBeNull();
    const second = await log.listForCase('c-1', { limit: 1, cursor: first.nextCursor ?? '' });
    expect(second.records.map((r) => r.id)).toEqual(['r-1']);
    expect(second.records[0]).toEqual(record('r-1', '2026-03-10T09:00:00.000Z', 'c-1', [anna]));
  });

  it('finds a person’s records across cases by e-mail or name, ignoring case and spacing', async () => {
    const ids = async (person: string) => (await log.listForPerson(person, { limit: 10 })).records.map((r) => r.id);
    expect(await ids('anna@example.nl')).toEqual(['r-2', 'r-1']);
    expect(await ids('anna aanvrager')).toEqual(['r-2', 'r-1']);
    expect(await ids('karel/klager #1?')).toEqual(['r-3', 'r-2']);
    expect(await ids('nobody@example.nl')).toEqual([]);
  });

  it('never overwrites a record: appending the same one again fails', async () => {
    await expect(log.append(record('r-1', '2026-03-10T09:00:00.000Z', 'c-1', [anna]))).rejects.toThrow();
    expect((await log.listForCase('c-1', { limit: 10 })).records).toHaveLength(2);
  });

  it('refuses a cursor that is not from this list with 400', async () => {
    await expect(log.listForCase('c-1', { limit: 1, cursor: 'not a cursor' })).rejects.toMatchObject({ code: 'request.invalid' });
  });
});
