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

  it('gives up with a typed error when the counter stays contended', async () => {
    const numbers = createTableCaseNumbers(tableClient(), {
      clock: fixedClock('2026-06-01T10:00:00.000Z'),
      maxAttempts: 2,
      baseDelayMs: 0,
    });
    const rivals = Array.from({ length: 30 }, () => numbers.next('DRUK'));
    const results = await Promise.allSettled(rivals);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'case-number.contention' });
    const numbersGiven = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(new Set(numbersGiven).size).toBe(numbersGiven.length);
  });
});
