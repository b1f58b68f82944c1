import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import {
  allWorkQueueRows,
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { workQueueTypeInfo } from '../../functions/src/app/projections/work-queue-type-info';
import { runRecomputeDeadlines } from '../../functions/src/cli/recompute-deadlines';
import { runRebuildProjections } from '../../functions/src/cli/rebuild-projections';
import { createDependencies } from '../../functions/src/composition-root';
import { atwCalendar, withDecreeDays } from '../../functions/src/domain/calendar';
import { decreeDayData } from '../../functions/src/domain/calendar/decree-days';
import type { Logger } from '../../functions/src/ports/logger';
import { startLocalApi, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/**
 * `npm run deadlines:recompute` on the local stack: open cases registered through HTTP, a decree day
 * added through the calendar's injection point (the shipped data file is left alone), every moved
 * deadline reported, recorded on the case and its timeline, and the work queues following.
 */
describe('recomputing open deadlines after a new decree day', () => {
  let local: LocalApi;
  const cases: Record<string, { id: string; number: string; etag: string }> = {};
  // A new royal decree declares Friday 5 June 2026 equal to a public holiday (made up for this test).
  const calendar = withDecreeDays(atwCalendar, [{ date: '2026-06-05', name: 'Testdag' }]);

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  const register = async (title: string, receivedOn: string) => {
    const response = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title, receivedOn, parties: [], fields: { projectomschrijving: title } },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    cases[title] = { id: String(body.id), number: String(body.number), etag: response.headers.get('etag') ?? '' };
  };
  const caseOf = async (title: string) =>
    (await (await local.call('behandelaar', 'GET', `/cases/${cases[title]?.id}`)).json()) as {
      deadline: { final: string | null; planned: string | null };
    };
  const recompute = async (argv: string[] = []) => {
    const lines: string[] = [];
    const deps = createDependencies(local.config);
    const exitCode = await runRecomputeDeadlines(argv, {
      ...deps,
      calendar,
      write: (line) => lines.push(line),
      log: silent,
    });
    return { exitCode, lines };
  };

  it('leaves the shipped decree days as they are (the test injects its own)', () => {
    expect(decreeDayData.map((day) => day.date)).not.toContain('2026-06-05');
  });

  it('reports, with --dry-run, the one open case whose final date falls on the new decree day, and writes nothing', async () => {
    await register('valt op de nieuwe dag', '2026-04-10'); // P8W: Friday 5 June
    await register('valt ervoor', '2026-04-09'); // Thursday 4 June: no change
    await register('opgeschort', '2026-04-10');
    const suspended = await local.call('behandelaar', 'POST', `/cases/${cases.opgeschort?.id}/suspend`, {
      json: { on: '2026-04-20', reason: 'Tekeningen', term: 'P2W' },
      headers: { 'if-match': cases.opgeschort?.etag ?? '' },
    });
    expect(suspended.status).toBe(200);
    expect((await caseOf('valt op de nieuwe dag')).deadline.final).toBe('2026-06-05');

    const dry = await recompute(['--dry-run']);
    expect(dry).toEqual({
      exitCode: 0,
      lines: [
        `${cases['valt op de nieuwe dag']?.number}: 2026-06-05 -> 2026-06-08`,
        'deadlines: 3 open case(s) checked, 1 would move',
      ],
    });
    expect((await caseOf('valt op de nieuwe dag')).deadline.final).toBe('2026-06-05');
  });

  it('moves it to Monday 8 June through a case change that the timeline explains, and moves nothing else', async () => {
    const run = await recompute();
    expect(run).toEqual({
      exitCode: 0,
      lines: [
        `${cases['valt op de nieuwe dag']?.number}: 2026-06-05 -> 2026-06-08`,
        'deadlines: 3 open case(s) checked, 1 moved',
      ],
    });
    expect((await caseOf('valt op de nieuwe dag')).deadline).toMatchObject({ final: '2026-06-08', planned: '2026-05-22' });
    expect((await caseOf('valt ervoor')).deadline.final).toBe('2026-06-04');
    expect((await caseOf('opgeschort')).deadline.final).toBeNull();

    const id = cases['valt op de nieuwe dag']?.id ?? '';
    const timeline = (await (await local.call('behandelaar', 'GET', `/cases/${id}/timeline`)).json()) as {
      items: { type: string; actor: { name: string }; summary: { nl: string; en: string } }[];
    };
    expect(timeline.items[0]).toMatchObject({
      type: 'case.deadline-recomputed',
      actor: { name: 'Zaakwerk feestdagenkalender' },
      summary: {
        nl: 'Uiterste datum verschoven van 5 juni naar 8 juni: feestdagenkalender gewijzigd (5 juni: Testdag)',
        en: 'Deadline moved from 5 June to 8 June: holiday calendar changed (5 June: Testdag)',
      },
    });
    await expect(verifyCaseChain(local.caseStores(), id)).resolves.toMatchObject({ ok: true });
  });

  it('moves nothing when run again', async () => {
    await expect(recompute()).resolves.toEqual({ exitCode: 0, lines: ['deadlines: 3 open case(s) checked, 0 moved'] });
  });

  it('moves the case to its new place in the work queues: rebuild finds no differences after catch-up', async () => {
    const { caseStore, eventLog } = local.caseStores();
    const store = createWorkQueueProjectionStore({
      workQueue: local.table(workQueueTableName),
      index: local.table(workQueueIndexTableName),
      views: local.table(workQueueViewsTableName),
    });
    const rebuild = async () => {
      const lines: string[] = [];
      const exitCode = await runRebuildProjections([], {
        caseStore,
        eventLog,
        store,
        storedRows: () => allWorkQueueRows(local.table(workQueueTableName), local.table(workQueueViewsTableName)),
        typeInfo: workQueueTypeInfo(createCaseTypeRepository(local.table(caseTypesTableName))),
        write: (line) => lines.push(line),
      });
      return { exitCode, lines };
    };
    const until = Date.now() + 20_000;
    let report = await rebuild();
    while (report.exitCode !== 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      report = await rebuild();
    }
    expect(report).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
    const id = cases['valt op de nieuwe dag']?.id ?? '';
    const row = await local.table(workQueueTableName).getEntity('caseType:omgevingsvergunning', `2026-06-08|${id}`);
    expect(row.finalDeadline).toBe('2026-06-08');
  });
});
