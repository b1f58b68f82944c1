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
    // As registration files them: Anna and Karel are the parties of c-1, Karel of c-2.
    await log.indexParties('c-1', [anna, karel]);
    await log.indexParties('c-2', [karel]);
    await log.indexParties('c-2', [karel]); // a retried registration: idempotent
    await log.append(record('r-1', '2026-03-10T09:00:00.000Z', 'c-1', [anna, karel]));
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
    expect(second.records[0]).toEqual(record('r-1', '2026-03-10T09:00:00.000Z', 'c-1', [anna, karel]));
  });

  it('finds a person’s records across the cases filed under them, by e-mail or name, ignoring case and spacing', async () => {
    const ids = async (person: string) => (await log.listForPerson(person, { limit: 10 })).records.map((r) => r.id);
    expect(await ids('anna@example.nl')).toEqual(['r-2', 'r-1']);
    expect(await ids('anna aanvrager')).toEqual(['r-2', 'r-1']);
    expect(await ids('karel/klager #1?')).toEqual(['r-3', 'r-2', 'r-1']);
    expect(await ids('nobody@example.nl')).toEqual([]);
  });

  it('pages a person’s records across cases newest first with a cursor, and refuses a foreign cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await log.listForPerson('Karel/Klager #1?', { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...result.records.map((r) => r.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(['r-3', 'r-2', 'r-1']);
    const exact = await log.listForPerson('karel/klager #1?', { limit: 3 });
    expect([exact.records.length, exact.nextCursor]).toEqual([3, null]);
    await expect(log.listForPerson('karel/klager #1?', { limit: 1, cursor: 'bm90IGEgcm93IGtleQ' })).rejects.toMatchObject({
      code: 'request.invalid',
    });
  });

  it('writes a read once, whatever the number of parties: no copies per person', async () => {
    const rows: string[] = [];
    for await (const row of table.listEntities({ queryOptions: { filter: "RowKey ne 'head'" } })) {
      if (String(row.record ?? '').includes('"id":"r-2"')) rows.push(String(row.partitionKey));
    }
    expect(rows).toEqual(['case:c-1']);
  });

  it('never overwrites a record: appending the same one again fails', async () => {
    await expect(log.append(record('r-1', '2026-03-10T09:00:00.000Z', 'c-1', [anna, karel]))).rejects.toThrow();
    expect((await log.listForCase('c-1', { limit: 10 })).records).toHaveLength(2);
  });

  it('refuses a cursor that is not from this list with 400', async () => {
    await expect(log.listForCase('c-1', { limit: 1, cursor: 'not a cursor' })).rejects.toMatchObject({ code: 'request.invalid' });
  });

  describe('the hash chain of a case’s records', () => {
    it('holds for records appended one after another and concurrently', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          log.append(record(`p-${n}`, `2026-03-11T10:00:${String(n).padStart(2, '0')}.000Z`, 'c-3', [anna])),
        ),
      );
      expect(await log.verifyCase('c-3')).toEqual({ valid: true, count: 20 });
      expect(await log.verifyCase('c-1')).toEqual({ valid: true, count: 2 });
      expect(await log.verifyCase('never-read')).toEqual({ valid: true, count: 0 });
    });

    it('breaks where a record was changed behind the API’s back', async () => {
      await log.append(record('t-1', '2026-03-12T09:00:00.000Z', 'c-4', [anna]));
      await log.append(record('t-2', '2026-03-12T10:00:00.000Z', 'c-4', [anna]));
      const rows = table.listEntities<{ rowKey: string; seq: number; record: string }>({
        queryOptions: { filter: "PartitionKey eq 'case:c-4' and RowKey ne 'head'" },
      });
      for await (const row of rows) {
        if (row.seq !== 1) continue;
        const changed = { ...(JSON.parse(row.record) as AccessRecord), user: { id: 'u-9', name: 'Iemand anders' } };
        await table.updateEntity({ partitionKey: 'case:c-4', rowKey: row.rowKey, record: JSON.stringify(changed) }, 'Merge');
      }
      expect(await log.verifyCase('c-4')).toEqual({ valid: false, count: 2, brokenAt: 1 });
    });

    it('breaks when a record is removed', async () => {
      await log.append(record('d-1', '2026-03-13T09:00:00.000Z', 'c-5', [anna]));
      await log.append(record('d-2', '2026-03-13T10:00:00.000Z', 'c-5', [anna]));
      const newest = (await log.listForCase('c-5', { limit: 1 })).records[0];
      const rows = table.listEntities<{ rowKey: string; record: string }>({
        queryOptions: { filter: "PartitionKey eq 'case:c-5' and RowKey ne 'head'" },
      });
      for await (const row of rows) {
        if ((JSON.parse(row.record) as AccessRecord).id === newest?.id) await table.deleteEntity('case:c-5', row.rowKey);
      }
      expect(await log.verifyCase('c-5')).toMatchObject({ valid: false, count: 1 });
    });
  });

  describe('the chain head kept per instance (decision 0023)', () => {
    /** The same table through a client that counts the head reads (point reads) it makes. */
    const counting = () => {
      const reads = { count: 0 };
      const client = new Proxy(table, {
        get(target, name, receiver) {
          if (name === 'getEntity') {
            return (...args: Parameters<TableClient['getEntity']>) => {
              reads.count++;
              return target.getEntity(...args);
            };
          }
          const value = Reflect.get(target, name, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return { log: createTableAccessLog(client), reads };
    };

    it('appends after its own last append without reading the head again', async () => {
      const { log: instance, reads } = counting();
      await instance.append(record('k-1', '2026-03-14T09:00:00.000Z', 'c-6', [anna]));
      const afterFirst = reads.count;
      await instance.append(record('k-2', '2026-03-14T09:01:00.000Z', 'c-6', [anna]));
      await instance.append(record('k-3', '2026-03-14T09:02:00.000Z', 'c-6', [anna]));
      expect(reads.count).toBe(afterFirst);
      expect(await log.verifyCase('c-6')).toEqual({ valid: true, count: 3 });
    });

    it('uses the head read ahead by prepareAppend, and reads it only once', async () => {
      await log.append(record('h-1', '2026-03-14T10:00:00.000Z', 'c-7', [anna]));
      const { log: instance, reads } = counting();
      instance.prepareAppend?.('c-7');
      instance.prepareAppend?.('c-7');
      await instance.append(record('h-2', '2026-03-14T10:01:00.000Z', 'c-7', [anna]));
      expect(reads.count).toBe(1);
      expect(await log.verifyCase('c-7')).toEqual({ valid: true, count: 2 });
    });

    it('keeps one intact chain when two instances append in turn, each with a stale head', async () => {
      const a = createTableAccessLog(table);
      const b = createTableAccessLog(table);
      for (let n = 0; n < 6; n++) {
        const instance = n % 2 === 0 ? a : b;
        await instance.append(record(`s-${n}`, `2026-03-14T11:00:0${n}.000Z`, 'c-8', [anna]));
      }
      expect(await log.verifyCase('c-8')).toEqual({ valid: true, count: 6 });
      const ids = (await log.listForCase('c-8', { limit: 10 })).records.map((r) => r.id);
      expect(ids).toEqual(['s-5', 's-4', 's-3', 's-2', 's-1', 's-0']);
    });

    it('keeps one intact chain under concurrent appends on several instances with heads read ahead', async () => {
      const instances = [createTableAccessLog(table), createTableAccessLog(table), createTableAccessLog(table)];
      await log.indexParties('c-9', [karel]);
      await instances[0]?.append(record('m-0', '2026-03-14T12:00:00.000Z', 'c-9', [karel]));
      await Promise.all(
        Array.from({ length: 21 }, (_, n) => {
          const instance = instances[n % 3] as AccessLog;
          instance.prepareAppend?.('c-9');
          return instance.append(record(`m-${n + 1}`, `2026-03-14T12:00:${String(n + 1).padStart(2, '0')}.000Z`, 'c-9', [karel]));
        }),
      );
      expect(await log.verifyCase('c-9')).toEqual({ valid: true, count: 22 });
      expect(
        (await log.listForPerson('karel/klager #1?', { limit: 100 })).records.filter((r) => r.caseId === 'c-9'),
      ).toHaveLength(22);
    });

    it('notices a head changed behind its back and appends after the real one', async () => {
      const instance = createTableAccessLog(table);
      await instance.append(record('x-1', '2026-03-14T13:00:00.000Z', 'c-10', [anna]));
      await log.append(record('x-2', '2026-03-14T13:01:00.000Z', 'c-10', [anna])); // another instance moves the head
      await instance.append(record('x-3', '2026-03-14T13:02:00.000Z', 'c-10', [anna]));
      expect(await log.verifyCase('c-10')).toEqual({ valid: true, count: 3 });
    });
  });
});
