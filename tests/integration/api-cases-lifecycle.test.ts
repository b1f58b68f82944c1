import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type CallOptions, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;
type Entry = { sequence: number; type: string; summary: { nl: string; en: string }; changes: Json[]; actor: Json };

const persona = (login: string) => {
  const found = demoTenant.personas.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return found;
};

/**
 * The lifecycle of one omgevingsvergunning on the local stack: take, update under If-Match (stale,
 * missing, concurrent), assign and release, a refused and then accepted phase move, and the timeline.
 */
describe('handling a case through its lifecycle on the local stack', () => {
  let local: LocalApi;
  let caseId = '';
  let etag = '';

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
    const registered = await call('POST', '/cases', {
      json: {
        caseType: 'omgevingsvergunning',
        title: 'Dakkapel Dorpsstraat 1',
        receivedOn: '2026-03-02',
        parties: [{ role: 'aanvrager', name: 'J. Jansen' }],
        // locatie is left out: the beoordeling phase requires it.
        fields: { projectomschrijving: 'Dakkapel op het achterdakvlak', bouwkosten: 12000 },
      },
    });
    expect(registered.status).toBe(201);
    caseId = String((await jsonOf(registered)).id);
    etag = registered.headers.get('etag') ?? '';
  });
  afterAll(() => local?.stop());

  const call = (method: string, path: string, options: CallOptions = {}) => local.call('behandelaar', method, path, options);
  const jsonOf = async (response: Response) => (await response.json()) as Json;
  const stores = () => local.caseStores();
  const eventCount = async () => (await stores().eventLog.allEvents(caseId)).length;
  /** A change with the current etag; remembers the new one. */
  const change = async (method: string, path: string, json?: unknown) => {
    const response = await call(method, `/cases/${caseId}${path}`, { json, headers: { 'if-match': etag } });
    if (response.status === 200) etag = response.headers.get('etag') ?? '';
    return response;
  };

  it('lets the behandelaar take the case with If-Match, and GET shows the assignee', async () => {
    const taken = await change('POST', '/take');
    expect(taken.status).toBe(200);
    const sanne = persona('behandelaar');
    expect(await jsonOf(taken)).toMatchObject({ assignee: { id: sanne.id, name: sanne.displayName }, etag });

    const read = await call('GET', `/cases/${caseId}`);
    expect(read.headers.get('etag')).toBe(etag);
    expect(await jsonOf(read)).toMatchObject({ assignee: { id: sanne.id, name: 'Sanne de Vries' } });
  });

  it('refuses a PATCH with a stale ETag with 412 and the current ETag, writing nothing', async () => {
    const before = await eventCount();
    const stale = await call('PATCH', `/cases/${caseId}`, { json: { title: 'Stale' }, headers: { 'if-match': 'W/"stale"' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe(etag);
    expect((await jsonOf(stale)).code).toBe('case.etag-mismatch');
    expect(await eventCount()).toBe(before);
  });

  it('answers 428 to a PATCH without If-Match', async () => {
    const response = await call('PATCH', `/cases/${caseId}`, { json: { title: 'No precondition' } });
    expect(response.status).toBe(428);
    expect((await jsonOf(response)).code).toBe('request.if-match-required');
  });

  it('lets exactly one of 20 concurrent PATCHes with the same ETag win; the others get 412 and nothing is lost', async () => {
    const before = await eventCount();
    const titles = Array.from({ length: 20 }, (_, n) => `Dakkapel versie ${n}`);
    const responses = await Promise.all(
      titles.map((title) => call('PATCH', `/cases/${caseId}`, { json: { title }, headers: { 'if-match': etag } })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    const winner = responses.find((response) => response.status === 200);
    const won = await jsonOf(winner as Response);
    etag = String(won.etag);

    const read = await jsonOf(await call('GET', `/cases/${caseId}`));
    expect(read.title).toBe(won.title);
    expect(titles).toContain(read.title);
    expect(await eventCount()).toBe(before + 1);
  });

  it('lists every invalid field of a PATCH: 400 for unknown or mistyped values, 422 for broken field rules', async () => {
    const malformed = await change('PATCH', '', { fields: { onbekend: 1, bouwkosten: 'veel' } });
    expect(malformed.status).toBe(400);
    const body = await jsonOf(malformed);
    expect(body.code).toBe('case.invalid');
    const listed = (body.errors as { path: string; code: string }[]).map(({ path, code }) => [path, code]);
    expect(listed.sort()).toEqual([
      ['body.fields.bouwkosten', 'field.type-mismatch'],
      ['body.fields.onbekend', 'field.unknown'],
    ]);
    const broken = await change('PATCH', '', { fields: { bouwkosten: -5 } });
    expect(broken.status).toBe(422);
    expect((await jsonOf(broken)).code).toBe('case.field-rules-violated');
  });

  it('refuses to take a case someone else has with 409', async () => {
    const refused = await local.call('behandelaar2', 'POST', `/cases/${caseId}/take`, { headers: { 'if-match': etag } });
    expect(refused.status).toBe(409);
    expect((await jsonOf(refused)).code).toBe('case.already-assigned');
  });

  it('assigns to a user of the tenant by id, refuses an unknown user with 422, and releases', async () => {
    const unknown = await change('POST', '/assign', { assigneeId: '00000000-0000-4000-8000-00000000dead' });
    expect(unknown.status).toBe(422);
    expect((await jsonOf(unknown)).code).toBe('case.assignee-unknown');

    const daan = persona('behandelaar2');
    const assigned = await change('POST', '/assign', { assigneeId: daan.id });
    expect(assigned.status).toBe(200);
    expect((await jsonOf(assigned)).assignee).toEqual({ id: daan.id, name: 'Daan Bakker' });

    const released = await change('POST', '/release');
    expect(released.status).toBe(200);
    expect((await jsonOf(released)).assignee).toBeNull();
  });

  it('refuses a phase move with 422 listing every unmet gate, writing nothing', async () => {
    const before = await eventCount();
    const refused = await change('POST', '/phase', { phase: 'beoordeling' });
    expect(refused.status).toBe(422);
    const body = await jsonOf(refused);
    expect(body.code).toBe('case.phase-gates-unmet');
    expect((body.errors as { path: string; code: string }[]).map(({ path, code }) => [path, code])).toEqual([
      ['checklist.intake.ontvangst-bevestigd', 'checklist.item-open'],
      ['checklist.intake.volledig', 'checklist.item-open'],
      ['fields.locatie', 'field.required-missing'],
    ]);
    expect(await eventCount()).toBe(before);
  });

  it('moves the case once the checklist is ticked and the required field is filled', async () => {
    expect((await change('POST', '/checklist', { phase: 'intake', item: 'ontvangst-bevestigd', done: true })).status).toBe(200);
    expect((await change('POST', '/checklist', { phase: 'intake', item: 'volledig', done: true })).status).toBe(200);
    const patched = await change('PATCH', '', { fields: { locatie: 'Dorpsstraat 1, Voorbeeld' } });
    expect(patched.status).toBe(200);
    expect((await jsonOf(patched)).fields).toMatchObject({ locatie: 'Dorpsstraat 1, Voorbeeld', bouwkosten: 12000 });

    const moved = await change('POST', '/phase', { phase: 'beoordeling' });
    expect(moved.status).toBe(200);
    expect(await jsonOf(moved)).toMatchObject({
      phase: { key: 'beoordeling', name: 'Inhoudelijke beoordeling' },
      checklist: { intake: { 'ontvangst-bevestigd': true, volledig: true } },
    });
  });

  it('renders the timeline newest first, in Dutch and English, page by page', async () => {
    const first = await call('GET', `/cases/${caseId}/timeline?limit=3`);
    expect(first.status).toBe(200);
    const page = await jsonOf(first);
    const entries = [...(page.items as Entry[])];
    // Entering beoordeling made its two consultation templates into tasks, recorded after the move.
    expect(entries[2]).toMatchObject({
      type: 'case.phase-changed',
      summary: {
        nl: 'Fase gewijzigd van Intake naar Inhoudelijke beoordeling',
        en: 'Phase changed from Intake to Inhoudelijke beoordeling',
      },
      changes: [
        {
          field: 'phase',
          before: { key: 'intake', name: 'Intake' },
          after: { key: 'beoordeling', name: 'Inhoudelijke beoordeling' },
        },
      ],
      actor: { name: 'Sanne de Vries' },
    });
    let cursor = page.nextCursor as string | null;
    while (cursor) {
      const next = await jsonOf(await call('GET', `/cases/${caseId}/timeline?limit=3&cursor=${encodeURIComponent(cursor)}`));
      entries.push(...(next.items as Entry[]));
      cursor = next.nextCursor as string | null;
    }
    expect(entries.map((entry) => entry.type)).toEqual([
      'case.task-created',
      'case.task-created',
      'case.phase-changed',
      'case.updated',
      'case.checklist-ticked',
      'case.checklist-ticked',
      'case.released',
      'case.assigned',
      'case.updated',
      'case.taken',
      'case.registered',
    ]);
    const sequences = entries.map((entry) => entry.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(entries.length).toBe(await eventCount());
    const byType = (type: string) => entries.find((entry) => entry.type === type)?.summary;
    expect(byType('case.taken')).toEqual({
      nl: 'Sanne de Vries heeft de zaak in behandeling genomen',
      en: 'Sanne de Vries took the case',
    });
    expect(byType('case.assigned')).toEqual({
      nl: 'Sanne de Vries heeft de zaak toegewezen aan Daan Bakker',
      en: 'Sanne de Vries assigned the case to Daan Bakker',
    });
  });

  it('keeps a hash chain that verifies over every change', async () => {
    const count = await eventCount();
    expect(await verifyCaseChain(stores(), caseId)).toEqual({ caseId, ok: true, count });
  });

  it('answers 404 to a change or timeline of a case that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const take = await call('POST', `/cases/${missing}/take`, { headers: { 'if-match': etag } });
    expect(take.status).toBe(404);
    expect((await call('GET', `/cases/${missing}/timeline`)).status).toBe(404);
  });
});
