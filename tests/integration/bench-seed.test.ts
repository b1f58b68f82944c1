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
import { QueueClient } from '@azure/storage-queue';
import { caseOutboxQueueName } from '../../functions/src/adapters/table-storage/outbox-dispatcher.table';
import { startAzurite } from '../../infra/local/src/azurite';
import { seedCaseTypes } from '../../infra/local/src/dev-stack/seed';
import { tablesToSave, projectedTables } from '../../infra/local/src/bench/seed';
import { projectSeed, seedCases, seedDependencies, type SeededCase } from '../../infra/local/src/bench/seed-cases';
import { seedAssignment, seedTypes } from '../../infra/local/src/bench/seed-plan';
import { listTables, loadSnapshot, saveSnapshot, storedEntity } from '../../infra/local/src/bench/seed-snapshot';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type LocalApi, type Login } from './support/local-api';

type Json = Record<string, unknown>;
const count = 40;

/**
 * The bench's in-process seed (decision 0018) leaves what registrations through the API leave once the
 * projector has caught up: the API finds each seeded case by id and by number, assigned as planned; the
 * handlers' work queues list them; `projections:rebuild` finds no difference between the read models
 * (projected in bulk) and the cases, index rows included; no outbox message or marker is left; and a later
 * change of a seeded case through the API moves its rows like any other. A saved seed restores row for row
 * into another Azurite, its work queues projected again.
 */
describe('bench seed', () => {
  let local: LocalApi;
  let seeded: SeededCase[] = [];
  let tablesBefore = new Set<string>();
  let failures: Record<string, number> = {};
  let outbox: { sweptCases: number; sweptMessages: number; droppedMessages: number } | undefined;

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
        outbox = result.outbox;
      },
    });
  }, 120_000);
  afterAll(() => local?.stop());

  const table = (name: string) => local.table(name);

  it('registers every case of the four types and lets the planned persona take it', async () => {
    expect(failures).toEqual({});
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

  const rebuild = async (): Promise<{ exitCode: number; lines: string[] }> => {
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
    return { exitCode, lines };
  };

  it('leaves read models that projections:rebuild finds in step with the cases, index rows included', async () => {
    expect(await rebuild()).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
  });

  it("leaves no outbox behind: the seed's messages went to its own queue, every marker is gone", async () => {
    expect(outbox).toEqual({ sweptCases: 0, sweptMessages: 0, droppedMessages: 2 * count });
    const queue = new QueueClient(local.stack.azurite.connectionString, caseOutboxQueueName);
    const waiting = (await queue.exists()) ? (await queue.getProperties()).approximateMessagesCount : 0;
    expect(waiting).toBe(0);
    const markers: unknown[] = [];
    for await (const row of table(outboxPendingTableName).listEntities()) markers.push(row);
    expect(markers).toEqual([]);
  });

  it("moves a seeded case's rows when it changes later through the API and its projector", async () => {
    const login: Login = 'behandelaar';
    const persona = demoTenant.personas.findIndex((p) => p.login === login);
    const n = seeded.findIndex((_, i) => seedAssignment(i, demoTenant.personas.length) === persona);
    const c = seeded[n] as SeededCase;
    const read = await local.call(login, 'GET', `/cases/${c.id}`);
    const released = await local.call(login, 'POST', `/cases/${c.id}/release`, {
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expect(released.status).toBe(200);
    const mine = async () =>
      ((await (await local.call(login, 'GET', '/cases?queue=mine')).json()) as { items: { id: string }[] }).items.map(
        (item) => item.id,
      );
    // The projector runs on the outbox message of the release (not an 'up-to-date' one): the case leaves the queue.
    for (let i = 0; i < 100 && (await mine()).includes(c.id); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await mine()).not.toContain(c.id);
    const index = await table(workQueueIndexTableName).getEntity<{ sequence: number }>(`case:${c.id}`, 'work-queue');
    expect(index.sequence).toBe(3);
    expect(await rebuild()).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
  });

  it('saves the seed and restores it row for row into another Azurite', async () => {
    const source = local.stack.azurite.connectionString;
    const written = tablesToSave(await listTables(source), tablesBefore);
    expect(written).toEqual(expect.arrayContaining([casesTableName, 'CaseNumberIndex']));
    expect(written).not.toContain(workQueueTableName);
    const dir = join(await mkdtemp(join(tmpdir(), 'bench-seed-')), 'seed');
    const other = await startAzurite({ inMemory: true });
    try {
      const saved = await saveSnapshot(source, written, seeded, { cases: seeded.length }, dir);
      const restored = await loadSnapshot(other.connectionString, dir);
      expect(restored).toMatchObject({ rows: saved, cases: seeded, seed: { cases: count } });
      await seedCaseTypes(other.connectionString, () => {});
      const deps = seedDependencies({ ZAAKWERK_ENV: 'local', ZAAKWERK_STORAGE_CONNECTION_STRING: other.connectionString });
      await projectSeed(deps, restored?.cases ?? [], () => {});
      const rows = async (connectionString: string, name: string) => {
        const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
        const all: Json[] = [];
        for await (const row of client.listEntities<Json>({ disableTypeConversion: true })) all.push(storedEntity(row));
        return all;
      };
      for (const name of written) expect(await rows(other.connectionString, name)).toEqual(await rows(source, name));
      // The one case released above is projected from its current state on both sides.
      for (const name of projectedTables) expect(await rows(other.connectionString, name)).toEqual(await rows(source, name));
    } finally {
      await other.stop();
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
  }, 60_000);
});
