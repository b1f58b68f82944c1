import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import {
  casesTableName,
  createTableCaseStore,
  outboxPendingTableName,
} from '../../functions/src/adapters/table-storage/case-store.table';
import { createTableEventLog } from '../../functions/src/adapters/table-storage/case-store-events.table';
import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { createOutboxDispatcher, caseOutboxQueueName } from '../../functions/src/adapters/table-storage/outbox-dispatcher.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import {
  allWorkQueueRows,
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import { publishShippedCaseTypes } from '../../functions/src/app/case-types/publish-shipped-case-types';
import { projectWorkQueue } from '../../functions/src/app/projections/project-work-queue';
import { workQueueTypeInfo } from '../../functions/src/app/projections/work-queue-type-info';
import { runRebuildProjections } from '../../functions/src/cli/rebuild-projections';
import type { CaseState } from '../../functions/src/domain/cases';
import type { CaseStore } from '../../functions/src/ports/case-store';
import type { Logger } from '../../functions/src/ports/logger';
import { registerWorkQueueProjector } from '../../functions/src/projections/work-queue.projector';
import { startFunctionsHost } from '../../infra/local/src/functions-host';
import { systemClock } from '../../functions/src/ports/event-log';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { QueueClient } from '@azure/storage-queue';
import { startLocalApi, type LocalApi, type Login } from './support/local-api';

const caseTypesDir = join(__dirname, '../../functions/case-types');
type Json = Record<string, unknown>;

const persona = (login: Login) => {
  const found = demoTenant.personas.find((p) => p.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return { id: found.id, name: found.displayName };
};

/**
 * The work-queue projector against Azurite: a case registered through the API, changed through the
 * case store, projected from its outbox message; the read model served by GET /cases?queue=mine.
 */
describe('the work-queue projection on the local stack', () => {
  let local: LocalApi;
  let caseStore: CaseStore;
  let deps: Parameters<typeof projectWorkQueue>[1];
  let caseId = '';
  let registeredSequence = 0;

  beforeAll(async () => {
    local = await startLocalApi({
      beforeServe: async (started) => {
        const caseTypes = TableClient.fromConnectionString(started.azurite.connectionString, caseTypesTableName, {
          allowInsecureConnection: true,
        });
        await caseTypes.createTable();
        const files = readdirSync(caseTypesDir)
          .filter((name) => name.endsWith('.yaml'))
          .map((name) => ({ name, text: readFileSync(join(caseTypesDir, name), 'utf8') }));
        await publishShippedCaseTypes(files, new Date().toISOString(), createCaseTypeRepository(caseTypes));
      },
    });
    caseStore = createTableCaseStore({
      cases: local.table(casesTableName),
      outboxPending: local.table(outboxPendingTableName),
      clock: systemClock,
    });
    deps = {
      caseStore,
      store: createWorkQueueProjectionStore({
        workQueue: local.table(workQueueTableName),
        index: local.table(workQueueIndexTableName),
        views: local.table(workQueueViewsTableName),
      }),
      // As the API's own projector has them: team queues of the type's handler groups, at-risk dates.
      typeInfo: workQueueTypeInfo(createCaseTypeRepository(local.table(caseTypesTableName))),
    };
  });
  afterAll(() => local?.stop());

  const myQueue = async (login: Login): Promise<Json[]> => {
    const response = await local.call(login, 'GET', '/cases?queue=mine');
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Json[] }).items;
  };
  const inMyQueue = async (login: Login) => (await myQueue(login)).filter((item) => item.id === caseId);

  /** Changes the case as a lifecycle endpoint would (one commit with an event and a case.changed message). */
  const changeCase = async (change: (state: CaseState) => CaseState): Promise<number> => {
    const loaded = await caseStore.load<CaseState>(caseId);
    if (!loaded) throw new Error('the case should exist');
    const result = await caseStore.commit(caseId, {
      expected: loaded,
      state: change(loaded.state),
      events: [
        {
          type: 'case.assigned',
          occurredAt: new Date().toISOString(),
          actor: { id: 'test', name: 'Test', kind: 'system' },
          channel: 'system',
          data: {},
        },
      ],
      outbox: [{ type: 'case.changed', payload: { caseId } }],
    });
    return result.head.sequence;
  };
  const rebuild = async (argv: string[]) => {
    const lines: string[] = [];
    const exitCode = await runRebuildProjections(argv, {
      ...deps,
      eventLog: createTableEventLog(local.table(casesTableName)),
      storedRows: () => allWorkQueueRows(local.table(workQueueTableName), local.table(workQueueViewsTableName)),
      write: (line) => lines.push(line),
    });
    return { exitCode, lines };
  };

  it('puts a registered case in its case-type queue but in nobody’s own queue while it is unassigned', async () => {
    const response = await local.call('behandelaar', 'POST', '/cases', {
      json: {
        caseType: 'omgevingsvergunning',
        title: 'Dakkapel Dorpsstraat 1',
        receivedOn: '2026-03-02',
        parties: [],
        fields: { projectomschrijving: 'Dakkapel', locatie: 'Dorpsstraat 1', bouwkosten: 12000 },
      },
    });
    expect(response.status).toBe(201);
    caseId = String(((await response.json()) as Json).id);
    registeredSequence = (await caseStore.load(caseId))?.lastSequence ?? 0;
    await expect(projectWorkQueue({ caseId, sequence: registeredSequence }, deps)).resolves.toBe('projected');
    const typeRow = await local.table(workQueueTableName).getEntity('caseType:omgevingsvergunning', `2026-04-28|${caseId}`);
    expect(typeRow).toMatchObject({ caseId, status: 'open', phaseKey: 'intake' });
    expect(typeRow.assigneeId).toBeUndefined();
    expect(await inMyQueue('behandelaar')).toEqual([]);
  });

  it('shows the case in the assignee’s own queue once it is assigned and projected', async () => {
    const sequence = await changeCase((state) => ({ ...state, assignee: persona('behandelaar') }));
    await expect(projectWorkQueue({ caseId, sequence }, deps)).resolves.toBe('projected');
    expect(await inMyQueue('behandelaar')).toEqual([
      expect.objectContaining({
        id: caseId,
        assignee: persona('behandelaar'),
        deadline: expect.objectContaining({ final: '2026-04-28' }),
      }),
    ]);
  });

  it('moves the row to the new assignee (and the new deadline) on reassignment', async () => {
    const sequence = await changeCase((state) => ({
      ...state,
      assignee: persona('behandelaar2'),
      deadline: { ...state.deadline, final: '2026-05-12' },
    }));
    await projectWorkQueue({ caseId, sequence }, deps);
    expect(await inMyQueue('behandelaar')).toEqual([]);
    expect(await inMyQueue('behandelaar2')).toEqual([
      expect.objectContaining({
        id: caseId,
        assignee: persona('behandelaar2'),
        deadline: expect.objectContaining({ final: '2026-05-12' }),
      }),
    ]);
    const rows: string[] = [];
    const partitions = new Set<string>();
    for await (const row of allWorkQueueRows(local.table(workQueueTableName), local.table(workQueueViewsTableName))) {
      // The queues a case is listed in (the signal agenda and task rows are other read models in this table).
      const queue = /^(assignee|caseType|team):/.test(String(row.partitionKey));
      if (row.caseId !== caseId || !queue) continue;
      partitions.add(String(row.partitionKey).split('|')[0] ?? '');
      // Its deadline row per queue; the sort and search rows of ADR 0020 live in the same partitions.
      if (String(row.rowKey) < ':') rows.push(`${String(row.partitionKey)} ${String(row.rowKey)}`);
    }
    expect([...partitions].sort()).toEqual([
      `assignee:${persona('behandelaar2').id}`,
      'caseType:omgevingsvergunning',
      'team:a1b2c3d4-0001-4000-8000-000000000001',
    ]);
    expect(rows.sort()).toEqual([
      `assignee:${persona('behandelaar2').id} 2026-05-12|${caseId}`,
      `caseType:omgevingsvergunning 2026-05-12|${caseId}`,
      `team:a1b2c3d4-0001-4000-8000-000000000001 2026-05-12|${caseId}`,
    ]);
  });

  it('changes nothing when an old message is delivered again', async () => {
    const index = await deps.store.readIndex(caseId);
    await expect(projectWorkQueue({ caseId, sequence: registeredSequence }, deps)).resolves.toBe('up-to-date');
    expect((await deps.store.readIndex(caseId))?.etag).toBe(index?.etag);
    expect(await inMyQueue('behandelaar2')).toHaveLength(1);
    expect(await inMyQueue('behandelaar')).toEqual([]);
  });

  it('finds no differences on rebuild after the projector has caught up', async () => {
    await expect(rebuild([])).resolves.toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
  });

  it('reports a corrupted, a stale and a missing row on rebuild, and fixes them with --apply', async () => {
    const workQueue = local.table(workQueueTableName);
    const assigneeKey = `assignee:${persona('behandelaar2').id}`;
    const rowKey = `2026-05-12|${caseId}`;
    const { etag: _etag, timestamp: _timestamp, ...current } = await workQueue.getEntity<Json>(assigneeKey, rowKey);
    await workQueue.updateEntity({ partitionKey: assigneeKey, rowKey, title: 'Vervalst' }, 'Merge');
    // A row the old assignee kept, as if a projector had crashed half-way long ago.
    await workQueue.createEntity({
      ...current,
      partitionKey: `assignee:${persona('behandelaar').id}`,
      rowKey: `2026-01-01|${caseId}`,
    });
    await workQueue.deleteEntity('caseType:omgevingsvergunning', rowKey);

    const report = await rebuild([]);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual(
      expect.arrayContaining([
        `DIFFERENT ${assigneeKey} ${rowKey} (case ${caseId}): title`,
        `STALE     assignee:${persona('behandelaar').id} 2026-01-01|${caseId} (case ${caseId})`,
        `MISSING   caseType:omgevingsvergunning ${rowKey} (case ${caseId})`,
      ]),
    );
    expect(await inMyQueue('behandelaar')).toHaveLength(1); // the stale row shows until the rebuild fixes it

    expect((await rebuild(['--apply'])).exitCode).toBe(0);
    await expect(rebuild([])).resolves.toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
    expect(await inMyQueue('behandelaar')).toEqual([]);
    expect(await inMyQueue('behandelaar2')).toEqual([expect.objectContaining({ id: caseId, title: 'Dakkapel Dorpsstraat 1' })]);
  });

  it('is run by the queue trigger for the messages the API dispatches', async () => {
    const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
    // The projector on its own local Functions host, polling case-outbox on the same Azurite.
    const projectorHost = await startFunctionsHost({
      name: 'projector',
      port: 0,
      storageConnectionString: local.stack.azurite.connectionString,
      register: (app) =>
        registerWorkQueueProjector(app, { caseStore, loggerFor: () => silent, config: local.config, store: deps.store }),
      log: () => undefined,
    });
    try {
      const response = await local.call('behandelaar', 'POST', '/cases', {
        json: {
          caseType: 'omgevingsvergunning',
          title: 'Schuur Kerkpad 7',
          receivedOn: '2026-03-09',
          parties: [],
          fields: { projectomschrijving: 'Schuur', locatie: 'Kerkpad 7', bouwkosten: 5000 },
        },
      });
      expect(response.status).toBe(201);
      caseId = String(((await response.json()) as Json).id);
      const loaded = await caseStore.load<CaseState>(caseId);
      if (!loaded) throw new Error('the case should exist');
      const outboxPending = local.table(outboxPendingTableName);
      const committed = await caseStore.commit(caseId, {
        expected: loaded,
        state: { ...loaded.state, assignee: persona('behandelaar') },
        events: [
          {
            type: 'case.assigned',
            occurredAt: new Date().toISOString(),
            actor: { id: 'test', name: 'Test', kind: 'system' },
            channel: 'system',
            data: {},
          },
        ],
        outbox: [{ type: 'case.changed', payload: { caseId } }],
      });
      const dispatcher = createOutboxDispatcher({
        cases: local.table(casesTableName),
        outboxPending,
        queue: new QueueClient(local.stack.azurite.connectionString, caseOutboxQueueName),
        clock: systemClock,
      });
      expect(await dispatcher.dispatchOutbox(caseId, committed.outboxMarker)).toBe(1);

      const deadline = Date.now() + 15_000;
      let found = await inMyQueue('behandelaar');
      while (found.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        found = await inMyQueue('behandelaar');
      }
      expect(found).toEqual([
        expect.objectContaining({ id: caseId, title: 'Schuur Kerkpad 7', assignee: persona('behandelaar') }),
      ]);
      // The rows are written between the projector's claim of the index and its finish: wait for the finish.
      let index = await deps.store.readIndex(caseId);
      while (index?.sequence !== committed.head.sequence && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        index = await deps.store.readIndex(caseId);
      }
      expect(index?.sequence).toBe(committed.head.sequence);
    } finally {
      await projectorHost.close();
    }
  });
});
