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
import { amsterdamToday } from '../../functions/src/domain/cases';
import { addDays, parseLocalDate } from '../../functions/src/domain/calendar';
import { startLocalApi, type LocalApi, type Login } from './support/local-api';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';

type Json = Record<string, unknown>;
type Summary = {
  id: string;
  title: string;
  status: string;
  deadline: { final: string | null; atRisk: boolean; overdue: boolean };
  assignee: { id: string } | null;
};
type Page = { items: Summary[]; nextCursor: string | null };

const today = amsterdamToday(new Date());
const daysAgo = (days: number) => addDays(parseLocalDate(today), -days);

/**
 * GET /api/v1/cases for the mine, team and all queues, with filters, flags computed today and cursor
 * paging, and GET /api/v1/queues — served by the API's own projector on the local stack.
 */
describe('work queues through HTTP on the local stack', () => {
  let local: LocalApi;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  const get = async (login: Login, path: string): Promise<Page> => {
    const response = await local.call(login, 'GET', path);
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };
  const projected = async () => {
    const store = createWorkQueueProjectionStore({
      workQueue: local.table(workQueueTableName),
      index: local.table(workQueueIndexTableName),
      views: local.table(workQueueViewsTableName),
    });
    const { caseStore } = local.caseStores();
    const until = Date.now() + 20_000;
    for (const id of Object.values(ids)) {
      for (;;) {
        const [index, loaded] = await Promise.all([store.readIndex(id), caseStore.load(id)]);
        if (index && loaded && index.sequence >= loaded.lastSequence) break;
        if (Date.now() > until) throw new Error(`case ${id} was not projected`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  };
  const register = async (name: string, receivedOn: string, caseType = 'omgevingsvergunning') => {
    const fields =
      caseType === 'omgevingsvergunning' ? { projectomschrijving: name, bouwkosten: 100 } : ({} as Record<string, unknown>);
    const response = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType, title: name, receivedOn, parties: [], fields },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Json;
    ids[name] = String(body.id);
    return response.headers.get('etag') ?? '';
  };
  const take = async (name: string, etag: string, login: Login = 'behandelaar') => {
    const response = await local.call(login, 'POST', `/cases/${ids[name]}/take`, { json: {}, headers: { 'if-match': etag } });
    expect(response.status).toBe(200);
    return response.headers.get('etag') ?? '';
  };
  const titles = (page: Page) => page.items.map((item) => item.title);

  it('serves registered cases in the mine, team and all queues, earliest final deadline first, flagged today', async () => {
    await take('te laat', await register('te laat', daysAgo(70)));
    await take('bijna', await register('bijna', daysAgo(54)));
    await take('ruim', await register('ruim', today), 'behandelaar2');
    const etag = await take('opgeschort', await register('opgeschort', daysAgo(3)));
    const suspended = await local.call('behandelaar', 'POST', `/cases/${ids.opgeschort}/suspend`, {
      json: { on: today, reason: 'Tekeningen', term: 'P2W' },
      headers: { 'if-match': etag },
    });
    expect(suspended.status).toBe(200);
    await projected();

    const mine = await get('behandelaar', '/cases?queue=mine');
    expect(titles(mine)).toEqual(['te laat', 'bijna', 'opgeschort']);
    expect(mine.items.map((item) => [item.deadline.overdue, item.deadline.atRisk])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    // Both handlers are in the handler group of every shipped case type: the team queue has all four.
    expect(titles(await get('behandelaar2', '/cases?queue=team'))).toEqual(['te laat', 'bijna', 'ruim', 'opgeschort']);
    expect(titles(await get('behandelaar2', '/cases?queue=mine'))).toEqual(['ruim']);
    // The raadpleger's group reads but does not handle: no team queue.
    expect(titles(await get('raadpleger', '/cases?queue=team'))).toEqual([]);
    expect(titles(await get('coordinator', '/cases?queue=all&caseType=omgevingsvergunning'))).toEqual([
      'te laat',
      'bijna',
      'ruim',
      'opgeschort',
    ]);
  });

  it('filters in the query: overdue, at risk, status, case type', async () => {
    expect(titles(await get('coordinator', '/cases?queue=all&overdue=true'))).toEqual(['te laat']);
    expect(titles(await get('coordinator', '/cases?queue=all&overdue=false'))).toEqual(['bijna', 'ruim', 'opgeschort']);
    expect(titles(await get('coordinator', '/cases?queue=team&atRisk=true'))).toEqual(['bijna']);
    expect(titles(await get('behandelaar', '/cases?queue=mine&status=suspended'))).toEqual(['opgeschort']);
    expect(titles(await get('behandelaar', '/cases?queue=mine&caseType=klacht'))).toEqual([]);
    expect(titles(await get('coordinator', '/cases?queue=all&caseType=klacht'))).toEqual([]);
    const behandelaar2 = demoTenant.personas.find((p) => p.login === 'behandelaar2')?.id ?? '';
    expect(titles(await get('coordinator', `/cases?queue=all&assignee=${behandelaar2}`))).toEqual(['ruim']);
    expect(titles(await get('coordinator', '/cases?queue=all&phase=intake'))).toEqual(['te laat', 'bijna', 'ruim', 'opgeschort']);
    expect(titles(await get('coordinator', '/cases?queue=all&phase=beoordeling'))).toEqual([]);
  });

  it('pages with an opaque cursor (limit, nextCursor) across the queue', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await get('behandelaar2', `/cases?queue=team&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...titles(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['te laat', 'bijna', 'ruim', 'opgeschort']);
    const bad = await local.call('behandelaar', 'GET', '/cases?queue=team&cursor=bm9wZQ');
    expect(bad.status).toBe(400);
    const invalid = await local.call('behandelaar', 'GET', '/cases?queue=all&sort=relevance&overdue=maybe');
    expect(invalid.status).toBe(400);
    const problems = ((await invalid.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(problems).toEqual(['query.overdue', 'query.sort']);
  });

  it('counts each queue with how many are at risk and overdue today', async () => {
    const response = await local.call('behandelaar', 'GET', '/queues');
    expect(response.status).toBe(200);
    const counts = (await response.json()) as {
      mine: Json;
      team: Json;
      caseTypes: { key: string; total: number; atRisk: number; overdue: number }[];
    };
    expect(counts.mine).toEqual({ total: 3, atRisk: 1, overdue: 1 });
    expect(counts.team).toEqual({ total: 4, atRisk: 1, overdue: 1 });
    expect(counts.caseTypes.find((t) => t.key === 'omgevingsvergunning')).toMatchObject({ total: 4, atRisk: 1, overdue: 1 });
    expect(counts.caseTypes.find((t) => t.key === 'klacht')).toMatchObject({ total: 0 });
  });

  it('moves a case out of the old assignee’s queue on reassignment, and rebuild finds no differences', async () => {
    const read = await local.call('behandelaar2', 'GET', `/cases/${ids.bijna}`);
    const assigned = await local.call('coordinator', 'POST', `/cases/${ids.bijna}/assign`, {
      json: { assigneeId: 'b0000002-5a1e-4d2c-9f00-000000000002' },
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expect(assigned.status).toBe(200);
    await projected();
    expect(titles(await get('behandelaar', '/cases?queue=mine'))).toEqual(['te laat', 'opgeschort']);
    expect(titles(await get('behandelaar2', '/cases?queue=mine'))).toEqual(['bijna', 'ruim']);

    const lines: string[] = [];
    const { caseStore, eventLog } = local.caseStores();
    const exitCode = await runRebuildProjections([], {
      caseStore,
      eventLog,
      store: createWorkQueueProjectionStore({
        workQueue: local.table(workQueueTableName),
        index: local.table(workQueueIndexTableName),
        views: local.table(workQueueViewsTableName),
      }),
      storedRows: () => allWorkQueueRows(local.table(workQueueTableName), local.table(workQueueViewsTableName)),
      typeInfo: workQueueTypeInfo(createCaseTypeRepository(local.table(caseTypesTableName))),
      write: (line) => lines.push(line),
    });
    expect({ exitCode, lines }).toEqual({ exitCode: 0, lines: ['work queues: no differences'] });
  });
});
