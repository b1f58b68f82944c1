import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { createTableEventLog } from '../../functions/src/adapters/table-storage/case-store-events.table';
import {
  casesTableName,
  createTableCaseStore,
  outboxPendingTableName,
} from '../../functions/src/adapters/table-storage/case-store.table';
import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import {
  allWorkQueueRows,
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import { workQueueTypeInfo } from '../../functions/src/app/projections/work-queue-type-info';
import { runRebuildProjections } from '../../functions/src/cli/rebuild-projections';
import { systemClock } from '../../functions/src/ports/event-log';
import { startAzurite } from '../../infra/local/src/azurite';
import { seedCases, type SeededCase } from '../../infra/local/src/bench/seed-cases';
import { seedAssignment, seedTypes } from '../../infra/local/src/bench/seed-plan';
import { listTables, loadSnapshot, saveSnapshot, storedEntity } from '../../infra/local/src/bench/seed-snapshot';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type LocalApi, type Login } from './support/local-api';

type Json = Record<string, unknown>;
const count = 16;

/**
 * The bench's in-process seed (decision 0018) leaves what registrations through the API leave: the API
 * finds each seeded case by id and by number, assigned as planned; the handlers' work queues list them; and
 * `projections:rebuild` finds no difference between the read models and the cases. A saved seed restores
 * row for row into another Azurite.
 */
describe('bench seed', () => {
  let local: LocalApi;
  let seeded: SeededCase[] = [];
  let tablesBefore = new Set<string>();
  let failures: Record<string, number> = {};

  beforeAll(async () => {
    local = await startLocalApi({
      shippedCaseTypes: true,
      beforeServe: async (stack) => {
        tablesBefore = new Set(await listTables(stack.azurite.connectionString));
        const result = await seedCases({
          count,
          concurrency: 8,
          env: {
            ZAAKWERK_ENV: 'local',
            ZAAKWERK_STORAGE_CONNECTION_STRING: stack.azurite.connectionString,
            ZAAKWERK_GRAPH_BASE_URL: stack.m365.graphBaseUrl,
          },
          connectionString: stack.azurite.connectionString,
          progress: () => {},
        });
        seeded = result.cases;
        failures = result.failures;
      },
    });
  }, 120_000);
  afterAll(() => local?.stop());

  const table = (name: string) => local.table(name);

  it('registers every case of the four types and lets the planned persona take it', async () => {
    // A projection retried after a conflict is the poller's normal retry; anything else is a failure.
    expect(Object.keys(failures).filter((kind) => !kind.startsWith('projection retried:'))).toEqual([]);
    expect(seeded).toHaveLength(count);
    expect(new Set(seeded.map((c) => c.number)).size).toBe(count);
    for (const [n, c] of seeded.entries()) {
      const persona = demoTenant.personas[seedAssignment(n, demoTenant.personas.length)];
      const byNumber = await local.call('behandelaar', 'GET', `/cases/${c.number}`);
      expect(byNumber.status).toBe(200);
      const body = (await byNumber.json()) as Json;
      expect(body).toMatchObject({
        id: c.id,
        number: c.number,
        caseType: { key: seedTypes[n % seedTypes.length] },
        assignee: { id: persona?.id },
      });
    }
  });

  it("fills each handler's own work queue with the cases they took", async () => {
    const login: Login = 'behandelaar2';
    const persona = demoTenant.personas.findIndex((p) => p.login === login);
    const expected = seeded.filter((_, n) => seedAssignment(n, demoTenant.personas.length) === persona).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    const response = await local.call(login, 'GET', '/cases?queue=mine');
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    expect(ids.sort()).toEqual([...expected].sort());
  });

  it('leaves read models that projections:rebuild finds in step with the cases', async () => {
    const cases = table(casesTableName);
    const lines: string[] = [];
    const exitCode = await runRebuildProjections([], {
      caseStore: createTableCaseStore({ cases, outboxPending: table(outboxPendingTableName), clock: systemClock }),
      eventLog: createTableEventLog(cases),
      store: createWorkQueueProjectionStore({
        workQueue: table(workQueueTableName),
        index: table(workQueueIndexTableName),
        views: table(workQueueViewsTableName),
      }),
      storedRows: () => allWorkQueueRows(table(workQueueTableName), table(workQueueViewsTableName)),
      typeInfo: workQueueTypeInfo(createCaseTypeRepository(table(caseTypesTableName))),
      write: (line) => lines.push(line),
    });
    expect({ exitCode, lines }).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
  });

  it('saves the seed and restores it row for row into another Azurite', async () => {
    const source = local.stack.azurite.connectionString;
    const written = (await listTables(source)).filter((name) => !tablesBefore.has(name));
    expect(written).toEqual(expect.arrayContaining([casesTableName, workQueueTableName, 'CaseNumberIndex']));
    const dir = join(await mkdtemp(join(tmpdir(), 'bench-seed-')), 'seed');
    const other = await startAzurite({ inMemory: true });
    try {
      const saved = await saveSnapshot(source, written, seeded, { cases: seeded.length }, dir);
      const restored = await loadSnapshot(other.connectionString, dir);
      expect(restored).toMatchObject({ rows: saved, cases: seeded, seed: { cases: count } });
      const rows = async (connectionString: string, name: string) => {
        const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
        const all: Json[] = [];
        for await (const row of client.listEntities<Json>({ disableTypeConversion: true })) all.push(storedEntity(row));
        return all;
      };
      for (const name of written) expect(await rows(other.connectionString, name)).toEqual(await rows(source, name));
    } finally {
      await other.stop();
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
  }, 60_000);
});
