import { createSignalCandidateReader } from '../../functions/src/adapters/table-storage/signal-candidates.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import {
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import {
  allSignalInboxRows,
  createSignalInbox,
  deleteSignalInboxRow,
  signalsTableName,
} from '../../functions/src/adapters/table-storage/signal-inbox.table';
import { allWorkQueueRows } from '../../functions/src/adapters/table-storage/work-queue-projection.table';
import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { workQueueTypeInfo } from '../../functions/src/app/projections/work-queue-type-info';
import { runRebuildProjections } from '../../functions/src/cli/rebuild-projections';
import { runSignalTimer, type SignalTimerDeps } from '../../functions/src/app/signals/run-signal-timer';
import { createDependencies } from '../../functions/src/composition-root';
import type { CaseState, CaseTask } from '../../functions/src/domain/cases';
import type { Logger } from '../../functions/src/ports/logger';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type LocalApi, type Login } from './support/local-api';

type Json = Record<string, unknown>;
type Signal = {
  id: string;
  kind: string;
  case: { id: string };
  date: string;
  raisedAt: string;
  readAt: string | null;
  via: string;
};

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const persona = (login: Login) => {
  const found = demoTenant.personas.find((p) => p.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return { id: found.id, name: found.displayName };
};

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The signal timer on the local stack (Azurite, local Microsoft 365, the API's own Functions host with
 * its outbox projector): cases registered and changed through HTTP, the timer run with a fixed "today"
 * (and once as the registered timer function), the signals read back through GET /api/v1/signals.
 */
describe('signals on the local stack', () => {
  let local: LocalApi;
  let today = '2026-04-16';

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true, timersOnDemand: true });
  });
  afterAll(() => local?.stop());

  const timerDeps = (): SignalTimerDeps => {
    const deps = createDependencies(local.config, { clock: { now: () => new Date(`${today}T05:00:00.000Z`) } });
    return { ...deps, candidates: createSignalCandidateReader(local.table(workQueueTableName)) };
  };
  const runTimerOn = async (day: string) => {
    today = day;
    return runSignalTimer(timerDeps(), silent);
  };
  const projection = () =>
    createWorkQueueProjectionStore({
      workQueue: local.table(workQueueTableName),
      index: local.table(workQueueIndexTableName),
      views: local.table(workQueueViewsTableName),
    });
  /** Waits until the host's projector has caught up with the case (its read-model rows reflect the last event). */
  const projected = async (caseId: string) => {
    const { caseStore } = local.caseStores();
    await eventually(`the projection of ${caseId}`, async () => {
      const [index, loaded] = await Promise.all([projection().readIndex(caseId), caseStore.load(caseId)]);
      return index && loaded && index.sequence >= loaded.lastSequence ? true : undefined;
    });
  };
  const signalEvents = async (caseId: string) =>
    (await local.caseStores().eventLog.allEvents(caseId)).filter((e) => e.type.startsWith('signal.')).map((e) => e.type);
  const signalsOf = async (login: Login): Promise<Signal[]> => {
    const response = await local.call(login, 'GET', '/signals?limit=200');
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Signal[] }).items;
  };
  const register = async (
    title: string,
    receivedOn: string,
    login: Login = 'behandelaar',
  ): Promise<{ id: string; etag: string }> => {
    const response = await local.call(login, 'POST', '/cases', {
      json: {
        caseType: 'omgevingsvergunning',
        title,
        receivedOn,
        parties: [],
        fields: { projectomschrijving: title, bouwkosten: 1000 },
      },
    });
    expect(response.status).toBe(201);
    return { id: String(((await response.json()) as Json).id), etag: response.headers.get('etag') ?? '' };
  };
  const post = async (login: Login, path: string, etag: string, json: unknown = {}) => {
    const response = await local.call(login, 'POST', path, { json, headers: { 'if-match': etag } });
    expect(response.status).toBe(200);
    return response.headers.get('etag') ?? '';
  };

  describe('deadline at risk, recovered by an extension, at risk again, overdue', () => {
    // Received 2 March 2026, P8W: 27 April is Koningsdag, so the final date is Tuesday 28 April.
    // The omgevingsvergunning is at risk below 10 working days: from Wednesday 15 April (15–24, 28 April: 9).
    let caseId = '';
    let etag = '';

    it('registers and takes a case due 28 April', async () => {
      ({ id: caseId, etag } = await register('Dakkapel Kerkstraat 1', '2026-03-02'));
      etag = await post('behandelaar', `/cases/${caseId}/take`, etag);
      await projected(caseId);
    });

    it('raises nothing on 14 April (10 working days left)', async () => {
      const run = await runTimerOn('2026-04-14');
      expect(run.failed).toBe(0);
      expect(await signalEvents(caseId)).toEqual([]);
    });

    it('raises "at risk" once on 15 April, however often the timer runs', async () => {
      const first = await runTimerOn('2026-04-15');
      expect(first).toMatchObject({ today: '2026-04-15', failed: 0 });
      expect(first.signals).toBeGreaterThanOrEqual(1);
      await runTimerOn('2026-04-15');
      await projected(caseId);
      await runTimerOn('2026-04-15');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk']);
      const signals = await eventually('the signal in the inbox', async () => {
        const mine = (await signalsOf('behandelaar')).filter((s) => s.case.id === caseId);
        return mine.length > 0 ? mine : undefined;
      });
      expect(signals).toEqual([
        expect.objectContaining({ kind: 'deadline-at-risk', date: '2026-04-28', readAt: null, via: 'user' }),
      ]);
      expect(await signalsOf('behandelaar2')).toEqual([]);
    });

    it('raises nothing after an extension of 6 weeks (final 8 June) puts it back on track', async () => {
      // The signal was a commit on the case: the ETag the client held is stale (412), so it reads again.
      const stale = await local.call('behandelaar', 'POST', `/cases/${caseId}/extend`, {
        json: { duration: 'P6W', reason: 'Advies nodig' },
        headers: { 'if-match': etag },
      });
      expect(stale.status).toBe(412);
      etag = (await local.call('behandelaar', 'GET', `/cases/${caseId}`)).headers.get('etag') ?? '';
      etag = await post('behandelaar', `/cases/${caseId}/extend`, etag, { duration: 'P6W', reason: 'Advies nodig' });
      const read = (await (await local.call('behandelaar', 'GET', `/cases/${caseId}`)).json()) as { deadline: { final: string } };
      expect(read.deadline.final).toBe('2026-06-08');
      await projected(caseId);
      await runTimerOn('2026-04-17');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk']);
    });

    it('raises "at risk" again when the new date comes near, then "overdue" once', async () => {
      // 26 May … 8 June: 26–29 May, 1–5 June, 8 June = 10 working days; on 27 May 9 remain.
      await runTimerOn('2026-05-26');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk']);
      await runTimerOn('2026-05-27');
      await projected(caseId);
      await runTimerOn('2026-05-27');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk', 'signal.deadline-at-risk']);
      await runTimerOn('2026-06-09');
      await projected(caseId);
      await runTimerOn('2026-06-09');
      await runTimerOn('2026-06-10');
      expect(await signalEvents(caseId)).toEqual([
        'signal.deadline-at-risk',
        'signal.deadline-at-risk',
        'signal.deadline-overdue',
      ]);
      const mine = await eventually('three signals in the inbox', async () => {
        const found = (await signalsOf('behandelaar')).filter((s) => s.case.id === caseId);
        return found.length === 3 ? found : undefined;
      });
      expect(mine.map((s) => [s.kind, s.date])).toEqual([
        ['deadline-overdue', '2026-06-08'],
        ['deadline-at-risk', '2026-06-08'],
        ['deadline-at-risk', '2026-04-28'],
      ]);
    });

    it('tells each signal on the timeline in Dutch and English, and the chain still verifies', async () => {
      const response = await local.call('behandelaar', 'GET', `/cases/${caseId}/timeline`);
      const entries = ((await response.json()) as { items: { type: string; summary: { nl: string; en: string } }[] }).items;
      expect(entries.find((e) => e.type === 'signal.deadline-overdue')?.summary).toEqual({
        nl: 'Signaal: de uiterste datum 8 juni 2026 is verstreken',
        en: 'Signal: the deadline of 8 June 2026 has passed',
      });
      await expect(verifyCaseChain(local.caseStores(), caseId)).resolves.toMatchObject({ ok: true });
    });

    it('marks a signal read for the reader only, keeps the first time, and 404s for someone else', async () => {
      const [newest] = (await signalsOf('behandelaar')).filter((s) => s.case.id === caseId);
      if (!newest) throw new Error('expected a signal');
      const read = await local.call('behandelaar', 'POST', `/signals/${newest.id}/read`);
      expect(read.status).toBe(200);
      const readAt = ((await read.json()) as Signal).readAt;
      expect(readAt).toEqual(expect.any(String));
      const again = (await (await local.call('behandelaar', 'POST', `/signals/${newest.id}/read`)).json()) as Signal;
      expect(again.readAt).toBe(readAt);
      expect((await signalsOf('behandelaar')).find((s) => s.id === newest.id)?.readAt).toBe(readAt);
      const stranger = await local.call('behandelaar2', 'POST', `/signals/${newest.id}/read`);
      expect(stranger.status).toBe(404);
      expect(((await stranger.json()) as Json).code).toBe('signal.not-found');
    });

    it('pages the signals with an opaque cursor', async () => {
      const first = (await (await local.call('behandelaar', 'GET', '/signals?limit=2')).json()) as {
        items: Signal[];
        nextCursor: string | null;
      };
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      const second = (await (
        await local.call('behandelaar', 'GET', `/signals?limit=2&cursor=${first.nextCursor ?? ''}`)
      ).json()) as { items: Signal[]; nextCursor: string | null };
      expect(second.items.map((s) => s.id)).not.toContain(first.items[0]?.id);
      expect(second.items.length).toBeGreaterThanOrEqual(1);
      const bad = await local.call('behandelaar', 'GET', '/signals?cursor=bm9wZQ');
      expect(bad.status).toBe(400);
    });
  });

  describe('an unassigned case, a task past due, a reminder and a lapsed applicant term', () => {
    let caseId = '';

    it('sends the signals of an unassigned case to the coordinators group, each member reading it for themself', async () => {
      ({ id: caseId } = await register('Uitrit Molenweg 4', '2026-03-02'));
      await projected(caseId);
      await runTimerOn('2026-04-16');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk']);
      const forCoordinator = await eventually('the group signal', async () => {
        const found = (await signalsOf('coordinator')).filter((s) => s.case.id === caseId);
        return found.length > 0 ? found : undefined;
      });
      expect(forCoordinator).toEqual([expect.objectContaining({ kind: 'deadline-at-risk', via: 'group' })]);
      expect((await signalsOf('behandelaar')).filter((s) => s.case.id === caseId)).toEqual([]);
    });

    it('signals a task reminder and a task past due once each, found through the agenda', async () => {
      const { caseStore } = local.caseStores();
      const loaded = await caseStore.load<CaseState>(caseId);
      if (!loaded) throw new Error('the case should exist');
      const task: CaseTask = {
        id: `${caseId}.1`,
        kind: 'consultation',
        title: 'Advies welstand',
        description: null,
        templateKey: null,
        phase: 'intake',
        assignee: persona('behandelaar2'),
        assigneeGroup: null,
        requiredBy: null,
        dueOn: '2026-04-20',
        remindOn: '2026-04-17',
        status: 'open',
        decision: null,
        response: null,
        suspendsCase: false,
        createdBy: persona('coordinator'),
        createdAt: '2026-04-16T08:00:00.000Z',
        answeredBy: null,
        answeredAt: null,
      };
      // The task endpoints are another branch's work: the task is committed as they will (event + outbox).
      const { outbox } = createDependencies(local.config);
      const committed = await caseStore.commit(caseId, {
        expected: loaded,
        state: { ...loaded.state, tasks: [task] },
        events: [
          {
            type: 'task.created',
            occurredAt: '2026-04-16T08:00:00.000Z',
            actor: { ...persona('coordinator'), kind: 'user' },
            channel: 'api',
            data: { after: { task: task.id } },
          },
        ],
        outbox: [{ type: 'case.changed', payload: { caseId, events: ['task.created'] } }],
      });
      await outbox.dispatchOutbox(caseId, committed.outboxMarker);
      await projected(caseId);

      await runTimerOn('2026-04-16');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk']);
      await runTimerOn('2026-04-17');
      await projected(caseId);
      await runTimerOn('2026-04-17');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk', 'signal.task-reminder']);
      await runTimerOn('2026-04-21');
      await projected(caseId);
      await runTimerOn('2026-04-21');
      expect(await signalEvents(caseId)).toEqual(['signal.deadline-at-risk', 'signal.task-reminder', 'signal.task-overdue']);
      const forDaan = await eventually('the task signals for the task assignee', async () => {
        const found = (await signalsOf('behandelaar2')).filter((s) => s.case.id === caseId);
        return found.length === 2 ? found : undefined;
      });
      expect(forDaan.map((s) => s.kind)).toEqual(['task-overdue', 'task-reminder']);
      const agenda = [];
      for await (const id of createSignalCandidateReader(local.table(workQueueTableName)).agendaCaseIds('2099-12-31')) {
        agenda.push(id);
      }
      expect(agenda).not.toContain(caseId);
    });

    it('signals once that the applicant’s term of a suspension has lapsed', async () => {
      const registered = await register('Aanbouw Dijk 7', '2026-03-02');
      const etag = await post('behandelaar', `/cases/${registered.id}/take`, registered.etag);
      await post('behandelaar', `/cases/${registered.id}/suspend`, etag, { on: '2026-03-10', reason: 'Tekeningen', term: 'P2W' });
      await projected(registered.id);
      await runTimerOn('2026-03-24');
      expect(await signalEvents(registered.id)).toEqual([]);
      await runTimerOn('2026-03-25');
      await projected(registered.id);
      await runTimerOn('2026-03-26');
      expect(await signalEvents(registered.id)).toEqual(['signal.suspension-lapsed']);
    });
  });

  it('runs as the registered timer function of the local host, twice, with one signal', async () => {
    // Received 70 days ago: the 8-week term has passed whatever today is.
    const received = new Date(Date.now() - 70 * 86_400_000).toISOString().slice(0, 10);
    const { id } = await register('Schuur Beekweg 2', received);
    await projected(id);
    await local.host.runTimer('signalTimer');
    await projected(id);
    await local.host.runTimer('signalTimer');
    expect(await signalEvents(id)).toEqual(['signal.deadline-overdue']);
  });

  it('finds no differences in the work queues, the agenda and the signals inbox on rebuild after catch-up, and repairs a tampered inbox', async () => {
    const signals = local.table(signalsTableName);
    const { caseStore, eventLog } = local.caseStores();
    const rebuild = async (argv: string[]) => {
      const lines: string[] = [];
      const exitCode = await runRebuildProjections(argv, {
        caseStore,
        eventLog,
        store: projection(),
        storedRows: () => allWorkQueueRows(local.table(workQueueTableName), local.table(workQueueViewsTableName)),
        typeInfo: workQueueTypeInfo(createCaseTypeRepository(local.table(caseTypesTableName))),
        signalInbox: {
          eventLog,
          storedRows: () => allSignalInboxRows(signals),
          upsert: (rows) => createSignalInbox(signals).upsert(rows),
          deleteRow: (row) => deleteSignalInboxRow(signals, row),
        },
        write: (line) => lines.push(line),
      });
      return { exitCode, lines };
    };
    const clean = { exitCode: 0, lines: ['work queues: no differences', 'signals: no differences'] };
    await eventually('the projector to catch up', async () => {
      const report = await rebuild([]);
      return report.exitCode === 0 ? report : undefined;
    });
    await expect(rebuild([])).resolves.toEqual(clean);

    const [one] = await signalsOf('behandelaar');
    if (!one) throw new Error('expected a signal');
    await signals.updateEntity({ partitionKey: `user:${persona('behandelaar').id}`, rowKey: one.id, kind: 'vervalst' }, 'Merge');
    await signals.createEntity({
      ...{ partitionKey: 'user:someone', rowKey: one.id },
      caseId: one.case.id,
      sequence: 1,
      kind: 'x',
      raisedAt: one.raisedAt,
    });
    const report = await rebuild([]);
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DIFFERENT user:.* kind$/),
        expect.stringMatching(/^STALE {5}user:someone /),
        'signals: 2 difference(s); run with --apply to fix them',
      ]),
    );
    expect((await rebuild(['--apply'])).exitCode).toBe(0);
    await expect(rebuild([])).resolves.toEqual(clean);
    expect((await signalsOf('behandelaar')).find((s) => s.id === one.id)?.kind).toBe(one.kind);
  });
});
