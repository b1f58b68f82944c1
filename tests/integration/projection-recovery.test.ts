import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { createTableEventLog } from '../../functions/src/adapters/table-storage/case-store-events.table';
import {
  casesTableName,
  createTableCaseStore,
  outboxPendingTableName,
} from '../../functions/src/adapters/table-storage/case-store.table';
import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { caseOutboxQueueName, createOutboxDispatcher } from '../../functions/src/adapters/table-storage/outbox-dispatcher.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import {
  allWorkQueueRows,
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import { publishShippedCaseTypes } from '../../functions/src/app/case-types/publish-shipped-case-types';
import { runRebuildProjections } from '../../functions/src/cli/rebuild-projections';
import { loadApiConfig } from '../../functions/src/config';
import type { CaseState } from '../../functions/src/domain/cases';
import type { Clock } from '../../functions/src/ports/event-log';
import { register } from '../../functions/src/register';
import { workQueueTypeInfo } from '../../functions/src/app/projections/work-queue-type-info';
import { localApiSettings } from '../../infra/local/src/api-settings';
import { startFunctionsHost, type RunningFunctionsHost } from '../../infra/local/src/functions-host';
import { freePort } from '../../infra/local/src/ports';
import { passwordGrantToken, startM365TestStack, type M365TestStack } from '../../infra/local/src/m365';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { apiUserScope, shippedCaseTypeFiles } from './support/local-api';

type Json = Record<string, unknown>;
const repoRoot = join(__dirname, '../..');

const aRegistration = (n: number): Json => ({
  caseType: 'omgevingsvergunning',
  title: `Herstel ${n}`,
  parties: [],
  fields: { projectomschrijving: 'Dakkapel', locatie: `Kerkstraat ${n}`, bouwkosten: 1000 + n },
});

/**
 * Killing the API host between commit and projection loses nothing. The API runs as its own process
 * (the local Functions host CLI, as `npm start` runs it) and is killed with SIGKILL while registrations
 * are in flight; two cases are left exactly at the dangerous points (committed but not dispatched;
 * dispatched but not projected). A new host starts, the outbox sweep runs once its five minutes have
 * passed, the projector catches up, and `projections:rebuild` finds no differences.
 */
describe('recovery of the work-queue projection after the host is killed', () => {
  let stack: M365TestStack;
  let envOfApi: Record<string, string>;
  const table = (name: string) =>
    TableClient.fromConnectionString(stack.azurite.connectionString, name, { allowInsecureConnection: true });

  beforeAll(async () => {
    stack = await startM365TestStack();
    const caseTypes = table(caseTypesTableName);
    await caseTypes.createTable();
    await publishShippedCaseTypes(shippedCaseTypeFiles(), new Date().toISOString(), createCaseTypeRepository(caseTypes));
    envOfApi = localApiSettings(stack.azurite.connectionString, stack.m365);
  });
  afterAll(() => stack?.stop());

  /** The API host as its own process; resolves once it answers /health. */
  async function spawnApiHost(): Promise<{ child: ChildProcess; api: string }> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'infra/local/dist/src/functions-host/cli.js'), '--app', 'api', '--port', String(port)],
      // Messages the killed host had taken reappear after their lease: 5 s here, as the Functions host's visibility timeout does in Azure.
      { stdio: 'ignore', env: { ...process.env, ...envOfApi, ZAAKWERK_LOCAL_QUEUE_LEASE_SECONDS: '5' } },
    );
    const api = `http://127.0.0.1:${port}/api/v1`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`${api}/health`).then(
        (response) => response.status < 500,
        () => false,
      );
      if (up) return { child, api };
      if (child.exitCode !== null || Date.now() > deadline) throw new Error('the API host did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('catches up after a restart: every committed case is projected and rebuild reports no differences', async () => {
    const token = await passwordGrantToken(stack.m365, 'behandelaar', demoTenant.password, apiUserScope);
    const caseStoreAt = (clock: Clock) =>
      createTableCaseStore({ cases: table(casesTableName), outboxPending: table(outboxPendingTableName), clock });
    const caseStore = caseStoreAt({ now: () => new Date() });
    const eventLog = createTableEventLog(table(casesTableName));
    const projection = createWorkQueueProjectionStore({
      workQueue: table(workQueueTableName),
      index: table(workQueueIndexTableName),
      views: table(workQueueViewsTableName),
    });

    // 1. Registrations in flight when the host is killed.
    const first = await spawnApiHost();
    const register201: string[] = [];
    const inFlight = Array.from({ length: 40 }, (_, n) =>
      fetch(`${first.api}/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(aRegistration(n)),
      }).then(
        async (response) => {
          if (response.status === 201) {
            register201.push(String(((await response.json()) as Json).id));
            if (register201.length === 5) first.child.kill('SIGKILL');
          }
        },
        () => undefined, // the connection died with the host
      ),
    );
    await Promise.all(inFlight);
    if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
    await new Promise((resolve) =>
      first.child.exitCode !== null || first.child.signalCode ? resolve(null) : first.child.once('exit', resolve),
    );
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(register201.length).toBeGreaterThanOrEqual(5);

    // 2. Exactly at the two dangerous points, while no host runs.
    const template = (await caseStore.load<CaseState>(register201[0] as string))?.state;
    if (!template) throw new Error('a registered case should exist');
    const commitLike = async (caseId: string, number: string) =>
      caseStore.commit(caseId, {
        expected: 'new',
        state: { ...template, id: caseId, number, title: `Na commit ${number}` },
        events: [
          {
            type: 'case.registered',
            occurredAt: new Date().toISOString(),
            actor: { id: 'test', name: 'Test', kind: 'system' },
            channel: 'system',
            data: {},
          },
        ],
        outbox: [{ type: 'case.registered', payload: { caseId } }],
        columns: { number, caseTypeKey: 'omgevingsvergunning', status: 'open' },
      });
    const committedOnly = '00000000-0000-4000-8000-00000000000a';
    await commitLike(committedOnly, 'ZAAK-2026-999998'); // the host died right after the transaction: the rows wait in the case partition
    const dispatchedOnly = '00000000-0000-4000-8000-00000000000b';
    const dispatched = await commitLike(dispatchedOnly, 'ZAAK-2026-999999');
    const dispatcher = createOutboxDispatcher({
      cases: table(casesTableName),
      outboxPending: table(outboxPendingTableName),
      queue: new QueueClient(stack.azurite.connectionString, caseOutboxQueueName),
      clock: { now: () => new Date() },
    });
    expect(await dispatcher.dispatchOutbox(dispatchedOnly, dispatched.outboxMarker)).toBe(1); // on the queue, never projected
    expect(await projection.readIndex(committedOnly)).toBeNull();
    expect(await projection.readIndex(dispatchedOnly)).toBeNull();

    // 3. A new host, whose clock is past the sweep's five-minute grace period.
    const sixMinutesOn: Clock = { now: () => new Date(Date.now() + 6 * 60_000) };
    const config = loadApiConfig(envOfApi);
    let second: RunningFunctionsHost | undefined;
    try {
      second = await startFunctionsHost({
        name: 'api-restarted',
        port: 0,
        register: (app) => register(app, { config, clock: sixMinutesOn }),
        storageConnectionString: stack.azurite.connectionString,
        log: () => undefined,
      });
      await second.runTimer('outboxSweep');

      // Every case in storage — all 201s, whatever else the killed host committed, and the two above — is projected.
      const caseIds: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await eventLog.listCaseIds({ limit: 500, ...(cursor ? { cursor } : {}) });
        caseIds.push(...page.caseIds);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(caseIds).toEqual(expect.arrayContaining([...register201, committedOnly, dispatchedOnly]));
      const caughtUp = async (caseId: string) =>
        (await projection.readIndex(caseId))?.sequence === (await caseStore.load(caseId))?.lastSequence;
      const deadline = Date.now() + 45_000;
      let behind = caseIds;
      while (behind.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const states = await Promise.all(behind.map(caughtUp));
        behind = behind.filter((_, i) => !states[i]);
      }
      expect(behind).toEqual([]);

      const lines: string[] = [];
      const exitCode = await runRebuildProjections([], {
        caseStore,
        eventLog,
        store: projection,
        storedRows: () => allWorkQueueRows(table(workQueueTableName), table(workQueueViewsTableName)),
        // Team queues and at-risk dates come from each case's type version, as in the CLI.
        typeInfo: workQueueTypeInfo(createCaseTypeRepository(table(caseTypesTableName))),
        write: (line) => lines.push(line),
      });
      expect({ exitCode, lines }).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
    } finally {
      await second?.close();
    }
  }, 120_000);
});
