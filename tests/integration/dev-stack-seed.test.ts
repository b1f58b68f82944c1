import { demoCases } from '../../infra/local/src/dev-stack/demo-data';
import { seedDemoData } from '../../infra/local/src/dev-stack/seed';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type LocalApi, type Login } from './support/local-api';

type QueueItem = {
  id: string;
  number: string;
  title: string;
  status: string;
  phase: { key: string };
  deadline: { final: string | null };
};

/**
 * `npm start` seeds its demo cases through the API as the personas would (register, assign, tick, move,
 * suspend), so the events, timelines and work queues behind them are the real thing.
 */
describe('seeding the demo cases through the API', () => {
  let local: LocalApi;
  const today = '2026-06-15';
  const log: string[] = [];

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: false });
    const target = { apiBaseUrl: local.api, m365: { url: local.m365.url, tenantId: demoTenant.tenantId } };
    expect(await seedDemoData(local.stack.azurite.connectionString, target, (line) => log.push(line), today)).toBe('seeded');
    expect(await seedDemoData(local.stack.azurite.connectionString, target, (line) => log.push(line), today)).toBe('present');
  });
  afterAll(() => local?.stop());

  const queueOf = async (login: Login, expected: number): Promise<QueueItem[]> => {
    // The work queue is a projection fed by the outbox queue: wait for it to catch up.
    for (let attempt = 0; ; attempt += 1) {
      const response = await local.call(login, 'GET', '/cases?queue=mine');
      const items = ((await response.json()) as { items: QueueItem[] }).items;
      if (items.length >= expected || attempt > 40) return items;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  it('registers every demo case once, a rerun registering nothing', async () => {
    let cases = 0;
    for await (const row of local.table('Cases').listEntities({ queryOptions: { filter: "RowKey eq 'case'" } })) {
      expect(row.number).toEqual(expect.stringMatching(/^ZAAK-\d{4}-\d{6}$/));
      cases += 1;
    }
    expect(cases).toBe(demoCases.length);
    expect(log).toContain(`registered ${demoCases.length} demo cases through the API`);
    expect(log.at(-1)).toBe(`demo data already present (seeded on ${today})`);
  });

  it("fills the handler's work queue with a moved, an overdue and a suspended case", async () => {
    const mine = demoCases.filter((demo) => demo.assignee === 'behandelaar');
    const items = await queueOf('behandelaar', mine.length);
    expect(items.map((item) => item.title).sort()).toEqual(mine.map((demo) => demo.title).sort());
    const byTitle = new Map(items.map((item) => [item.title, item]));
    expect(byTitle.get('Dakkapel Dorpsstraat 1')?.phase.key).toBe('beoordeling');
    expect(byTitle.get('Uitbouw achtergevel Kerkweg 12')?.status).toBe('suspended');
    const klacht = byTitle.get('Klacht over afhandeling parkeervergunning');
    expect(klacht?.phase.key).toBe('hoor-en-wederhoor');
    expect(klacht?.deadline.final && klacht.deadline.final < today).toBe(true);
  });

  it('records each step on the timeline under the persona who took it', async () => {
    const items = await queueOf('behandelaar', 4);
    const dakkapel = items.find((item) => item.title === 'Dakkapel Dorpsstraat 1');
    const timeline = (await (await local.call('behandelaar', 'GET', `/cases/${dakkapel?.id ?? ''}/timeline`)).json()) as {
      items: { type: string; actor: { name: string } }[];
    };
    expect(timeline.items.map((entry) => entry.type).reverse()).toEqual([
      'case.registered',
      'case.assigned',
      'case.checklist-ticked',
      'case.checklist-ticked',
      'case.phase-changed',
      // Beoordeling's task templates (welstand and milieu advice) become tasks on entry.
      'case.task-created',
      'case.task-created',
    ]);
    expect(timeline.items.at(-1)?.actor.name).toBe('Fatima El Amrani');
    expect(timeline.items[0]?.actor.name).toBe('Sanne de Vries');
  });
});
