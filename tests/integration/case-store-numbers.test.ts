import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import {
  amsterdamYear,
  caseNumbersTableName,
  createTableCaseNumbers,
} from '../../functions/src/adapters/table-storage/case-numbers.table';
import type { Clock } from '../../functions/src/ports/event-log';

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

describe('case numbers on Azurite', () => {
  let azurite: RunningAzurite;
  const tableClient = () =>
    TableClient.fromConnectionString(azurite.connectionString, caseNumbersTableName, { allowInsecureConnection: true });

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
  });
  afterAll(async () => {
    await azurite.stop();
  });

  it('numbers a type’s cases from 000001 per year, in the configured prefix', async () => {
    const numbers = createTableCaseNumbers(tableClient(), { clock: fixedClock('2026-06-01T10:00:00.000Z') });
    await expect(numbers.next('OMG')).resolves.toBe('OMG-2026-000001');
    await expect(numbers.next('OMG')).resolves.toBe('OMG-2026-000002');
    await expect(numbers.next('WOZ')).resolves.toBe('WOZ-2026-000001');
  });

  it('gives 50 concurrent registrations on five instances 50 distinct numbers', async () => {
    const clock = fixedClock('2026-06-01T10:00:00.000Z');
    // Five "Function instances": separate clients and connections, no shared memory.
    const instances = Array.from({ length: 5 }, () => createTableCaseNumbers(tableClient(), { clock }));
    const allocated = await Promise.all(Array.from({ length: 50 }, (_, i) => instances[i % 5]?.next('ZAAK')));
    expect(new Set(allocated).size).toBe(50);
    expect(allocated.every((n) => /^ZAAK-2026-\d{6}$/.test(n ?? ''))).toBe(true);
    // Nothing failed here, so nothing was skipped: exactly 1..50.
    expect(allocated.map((n) => Number(n?.slice(-6))).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('starts a new year by Amsterdam time: 23:30 UTC on 31 December is already next year there', async () => {
    const lastEvening = fixedClock('2026-12-31T22:59:59.000Z'); // 23:59:59 in Amsterdam (CET, +01:00)
    const newYear = fixedClock('2026-12-31T23:30:00.000Z'); // 00:30 on 1 January 2027 in Amsterdam
    expect(amsterdamYear(lastEvening.now())).toBe(2026);
    expect(amsterdamYear(newYear.now())).toBe(2027);
    await expect(createTableCaseNumbers(tableClient(), { clock: lastEvening }).next('JAAR')).resolves.toBe('JAAR-2026-000001');
    await expect(createTableCaseNumbers(tableClient(), { clock: newYear }).next('JAAR')).resolves.toBe('JAAR-2027-000001');
  });

  it('gives up with a typed error when the counter stays contended across instances', async () => {
    const clock = fixedClock('2026-06-01T10:00:00.000Z');
    // Thirty instances, one request each: every write races the others for the same row.
    const rivals = Array.from({ length: 30 }, () =>
      createTableCaseNumbers(tableClient(), { clock, maxAttempts: 2, baseDelayMs: 0 }).next('DRUK'),
    );
    const results = await Promise.allSettled(rivals);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'case-number.contention' });
    const numbersGiven = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(new Set(numbersGiven).size).toBe(numbersGiven.length);
  });

  it('serves the requests waiting in one instance with one conditional write for all of them', async () => {
    const client = tableClient();
    let writes = 0;
    const counting = new Proxy(client, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if ((property === 'updateEntity' || property === 'createEntity') && typeof value === 'function') {
          return (...args: unknown[]) => {
            writes++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const numbers = createTableCaseNumbers(counting, { clock: fixedClock('2026-06-01T10:00:00.000Z') });
    const allocated = await Promise.all(Array.from({ length: 200 }, () => numbers.next('SAMEN')));
    expect(new Set(allocated).size).toBe(200);
    // No gaps: the reserved numbers are exactly the ones handed out.
    expect(allocated.map((n) => Number(n.slice(-6))).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // The first request goes alone; the 199 that queued behind it share the next write.
    expect(writes).toBe(2);
    const row = await client.getEntity<{ last: number }>('SAMEN', '2026');
    expect(row.last).toBe(200);
  });

  it('notices that another instance moved the counter since this one last wrote it', async () => {
    const clock = fixedClock('2026-06-01T10:00:00.000Z');
    const a = createTableCaseNumbers(tableClient(), { clock });
    const b = createTableCaseNumbers(tableClient(), { clock });
    await expect(a.next('WISSEL')).resolves.toBe('WISSEL-2026-000001');
    await expect(b.next('WISSEL')).resolves.toBe('WISSEL-2026-000002');
    // a remembers the row as it left it (last 1); its write with that ETag fails, so it reads again.
    await expect(a.next('WISSEL')).resolves.toBe('WISSEL-2026-000003');
    await expect(b.next('WISSEL')).resolves.toBe('WISSEL-2026-000004');
  });

  it('gives 600 concurrent requests on six instances 600 distinct numbers without gaps', async () => {
    const clock = fixedClock('2026-06-01T10:00:00.000Z');
    const instances = Array.from({ length: 6 }, () => createTableCaseNumbers(tableClient(), { clock }));
    const allocated = await Promise.all(Array.from({ length: 600 }, (_, i) => instances[i % 6]?.next('VEEL')));
    expect(new Set(allocated).size).toBe(600);
    expect(allocated.map((n) => Number(n?.slice(-6))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 600 }, (_, i) => i + 1),
    );
  });
});
