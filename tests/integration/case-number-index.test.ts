import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import {
  caseNumberIndexKey,
  caseNumberIndexTableName,
  createTableCaseNumberIndex,
} from '../../functions/src/adapters/table-storage/case-number-index.table';

const id = (n: number) => `6f1c1d7e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const number = (n: number) => `ZAAK-2026-${String(n).padStart(6, '0')}`;

describe('the case number index on Azurite', () => {
  let azurite: RunningAzurite;
  let table: TableClient;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    table = TableClient.fromConnectionString(azurite.connectionString, caseNumberIndexTableName, {
      allowInsecureConnection: true,
    });
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('claims 250 numbers at once (grouped per block of 1,000) and finds each case by its number', async () => {
    const index = createTableCaseNumberIndex(table);
    const ns = Array.from({ length: 250 }, (_, i) => 900 + i); // crosses the 000999 → 001000 block boundary
    await Promise.all(ns.map((n) => index.claim(number(n), id(n))));
    const found = await Promise.all(ns.map((n) => index.lookup(number(n))));
    expect(found).toEqual(ns.map(id));
    const row = await table.getEntity<{ caseId: string }>('ZAAK-2026-001', 'ZAAK-2026-001000');
    expect(row.caseId).toBe(id(1000));
  });

  it('refuses a number another case holds, even when its claim shares a transaction with good claims', async () => {
    const index = createTableCaseNumberIndex(table);
    await index.claim(number(5000), id(5000));
    const results = await Promise.allSettled([
      index.claim(number(5001), id(5001)),
      index.claim(number(5000), id(9999)), // taken
      index.claim(number(5002), id(5002)),
      index.claim(number(5000), id(5000)), // a retry of its own claim is fine
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { name: 'DuplicateCaseNumber' } });
    expect(await index.lookup(number(5000))).toBe(id(5000));
    expect(await index.lookup(number(5002))).toBe(id(5002));
  });

  it('releases only its own entry, and still reads entries in the layout of before decision 0019', async () => {
    const index = createTableCaseNumberIndex(table);
    await index.claim(number(7000), id(7000));
    await index.release(number(7000), id(1)); // not ours: stays
    expect(await index.lookup(number(7000))).toBe(id(7000));
    await index.release(number(7000), id(7000));
    expect(await index.lookup(number(7000))).toBeNull();
    await expect(table.getEntity(caseNumberIndexKey(number(7000)).partitionKey, number(7000))).rejects.toMatchObject({
      statusCode: 404,
    });

    await table.createEntity({ partitionKey: number(8000), rowKey: 'case', caseId: id(8000) });
    expect(await index.lookup(number(8000))).toBe(id(8000));
    expect(await index.lookup(number(8001))).toBeNull();
  });
});
