import { TableClient } from '@azure/data-tables';
import { startAzurite, type RunningAzurite } from './azurite';

// testTimeout in a jest project entry is ignored (it is a global option), so the file sets its own.
jest.setTimeout(60_000);

describe('startAzurite', () => {
  let azurite: RunningAzurite | undefined;

  afterAll(async () => {
    await azurite?.stop();
  });

  it('starts in memory on free ports, stores a table entity and answers again after a restart on the same ports', async () => {
    azurite = await startAzurite({ inMemory: true });
    const ports = { ...azurite.ports };
    expect(new Set(Object.values(ports)).size).toBe(3);
    expect(azurite.connectionString).toContain(`TableEndpoint=http://127.0.0.1:${ports.table}/devstoreaccount1`);

    const table = TableClient.fromConnectionString(azurite.connectionString, 'LauncherCheck', { allowInsecureConnection: true });
    await table.createTable();
    await table.createEntity({ partitionKey: 'p', rowKey: 'r', greeting: 'hallo' });
    const stored = await table.getEntity<{ greeting: string }>('p', 'r');
    expect(stored.greeting).toBe('hallo');

    await azurite.stop();
    await expect(table.getEntity('p', 'r')).rejects.toThrow();

    await azurite.restart();
    expect(azurite.ports).toEqual(ports);
    // In memory, so the restarted Azurite is empty but answers on the same endpoint.
    await table.createTable();
    await table.createEntity({ partitionKey: 'p', rowKey: 'r2', greeting: 'weer daar' });
    expect((await table.getEntity<{ greeting: string }>('p', 'r2')).greeting).toBe('weer daar');
  });

  it('keeps data in a data folder across a restart', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = await mkdtemp(join(tmpdir(), 'zaakwerk-azurite-'));
    const persistent = await startAzurite({ dataDir });
    try {
      const table = TableClient.fromConnectionString(persistent.connectionString, 'Persisted', { allowInsecureConnection: true });
      await table.createTable();
      await table.createEntity({ partitionKey: 'p', rowKey: 'r', value: 42 });
      await persistent.restart();
      expect((await table.getEntity<{ value: number }>('p', 'r')).value).toBe(42);
    } finally {
      await persistent.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('explains the failure when a port is already taken', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const takenPort = typeof address === 'object' && address ? address.port : 0;
    try {
      const outcome = await startAzurite({ inMemory: true, tablePort: takenPort, startTimeoutMs: 10_000 }).then(
        async (unexpected) => {
          await unexpected.stop();
          return new Error('started although the table port was taken');
        },
        (error: Error) => error,
      );
      expect(outcome.message).toMatch(/Azurite did not start[\s\S]*EADDRINUSE/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
