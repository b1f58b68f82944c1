import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from '../../infra/local/src/azurite';
import { createTableIdempotencyStore, idempotencyTableName } from '../../functions/src/adapters/table-storage/idempotency.table';
import type { Clock } from '../../functions/src/ports/event-log';
import { IdempotencyKeyReused, IdempotencyRequestInProgress } from '../../functions/src/ports/idempotency';

const sanne = 'b0000001-5a1e-4d2c-9f00-000000000001';
const daan = 'b0000002-5a1e-4d2c-9f00-000000000002';

describe('idempotency keys on Azurite', () => {
  let azurite: RunningAzurite;
  let now = new Date('2026-03-02T08:00:00.000Z');
  const clock: Clock = { now: () => now };
  let keyNumber = 0;
  const newKey = () => `retry-key-${++keyNumber}/with?odd#chars`;
  const store = () =>
    createTableIdempotencyStore(
      TableClient.fromConnectionString(azurite.connectionString, idempotencyTableName, { allowInsecureConnection: true }),
      { clock },
    );

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
  });
  afterAll(async () => {
    await azurite.stop();
  });
  beforeEach(() => {
    now = new Date('2026-03-02T08:00:00.000Z');
  });

  it('lets the first request run and replays its response to a retry with the same request', async () => {
    const scope = { principalId: sanne, key: newKey() };
    const first = await store().begin(scope, 'fp-1');
    if (first.kind !== 'execute') throw new Error('expected to execute');
    const response = {
      status: 201,
      body: { id: 'case-1', number: 'ZAAK-2026-000001', big: 'x'.repeat(40_000) },
      caseId: 'case-1',
    };
    await store().complete(scope, first.lease, response);
    await expect(store().begin(scope, 'fp-1')).resolves.toEqual({ kind: 'replay', response });
  });

  it('refuses the same key for a different request', async () => {
    const scope = { principalId: sanne, key: newKey() };
    const first = await store().begin(scope, 'fp-1');
    if (first.kind !== 'execute') throw new Error('expected to execute');
    await store().complete(scope, first.lease, { status: 201, body: {} });
    await expect(store().begin(scope, 'fp-2')).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('keeps keys apart per principal', async () => {
    const key = newKey();
    await expect(store().begin({ principalId: sanne, key }, 'fp')).resolves.toMatchObject({ kind: 'execute' });
    await expect(store().begin({ principalId: daan, key }, 'fp')).resolves.toMatchObject({ kind: 'execute' });
  });

  it('lets exactly one of two concurrent requests run; the other is told it is in progress', async () => {
    const scope = { principalId: sanne, key: newKey() };
    const results = await Promise.allSettled([store().begin(scope, 'fp'), store().begin(scope, 'fp')]);
    const executed = results.filter((r) => r.status === 'fulfilled' && r.value.kind === 'execute');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(executed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(IdempotencyRequestInProgress);
  });

  it('lets a retry run again after the first request was abandoned', async () => {
    const scope = { principalId: sanne, key: newKey() };
    const first = await store().begin(scope, 'fp');
    if (first.kind !== 'execute') throw new Error('expected to execute');
    await store().abandon(scope, first.lease);
    await expect(store().begin(scope, 'fp')).resolves.toMatchObject({ kind: 'execute' });
  });

  it('lets a retry take over from a request that died, and only that retry completes', async () => {
    const scope = { principalId: sanne, key: newKey() };
    const dead = await store().begin(scope, 'fp');
    if (dead.kind !== 'execute') throw new Error('expected to execute');
    now = new Date(now.getTime() + 3 * 60 * 1000);
    const retry = await store().begin(scope, 'fp');
    expect(retry.kind).toBe('execute');
    await expect(store().complete(scope, dead.lease, { status: 201, body: {} })).rejects.toThrow(/no longer holds/);
  });

  it('forgets a key after 24 hours', async () => {
    const scope = { principalId: sanne, key: newKey() };
    const first = await store().begin(scope, 'fp-1');
    if (first.kind !== 'execute') throw new Error('expected to execute');
    await store().complete(scope, first.lease, { status: 201, body: { n: 1 } });
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000 + 1);
    await expect(store().begin(scope, 'fp-2')).resolves.toMatchObject({ kind: 'execute' });
  });
});
