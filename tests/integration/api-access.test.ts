import { accessLogTableName, createTableAccessLog } from '../../functions/src/adapters/table-storage/access-log.table';
import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import { currentAccessLists } from '../../functions/src/app/access/access-resolver';
import { createDependencies } from '../../functions/src/composition-root';
import { loadApiConfig } from '../../functions/src/config';
import { can, defaultAccessSettings, resolveActor, type Actor } from '../../functions/src/domain/access';
import type { CaseState } from '../../functions/src/domain/cases';
import { globalRolesFromAppRoles } from '../../functions/src/domain/roles';
import { endpointAccess } from '../../functions/src/http/endpoint-access';
import { createEndpoints } from '../../functions/src/http/endpoints';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type CallOptions, type LocalApi, type Login } from './support/local-api';

type Json = Record<string, unknown>;
type Fixture = 'A' | 'B' | 'C' | 'D';
type Item = { user: { id: string }; purpose: string; channel: string; via: unknown; case: { id: string } };
const fixtures: Fixture[] = ['A', 'B', 'C', 'D'];

/** Every endpoint of the table that acts on one case, as the matrix lists them. */
/**
 * Case endpoints addressed by the case id alone. Task endpoints (/tasks/{taskId}) and links (a second
 * case in the route or body) ask the same can() — their rows are in the matrix and their rules are
 * tested in domain/access/can.test.ts and api-cases-tasks.test.ts.
 */
const caseEndpoints = createEndpoints(createDependencies(loadApiConfig({}))).filter(
  (endpoint) =>
    endpointAccess[endpoint.name]?.on === 'case' &&
    endpoint.route.startsWith('v1/cases/{id}') &&
    !/\{(?!id\}|shareId\})/.test(endpoint.route) && // no second id (a document, a linked case) to invent
    !['addCaseLink', 'uploadCaseDocument', 'syncDocumentVersions'].includes(endpoint.name),
);

const logins = demoTenant.personas.map((p) => p.login);
const persona = (login: Login) => {
  const found = demoTenant.personas.find((p) => p.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return found;
};

/** A secret variant of the shipped klacht: only the coordinators' group reaches `geheim`. */
const secretKlacht = (klacht: string): string =>
  klacht
    .replace(/^key: klacht$/m, 'key: klacht-geheim')
    .replace(/^name: Klacht$/m, 'name: Klacht (geheim)')
    .replace(/^confidentiality: zaakvertrouwelijk$/m, 'confidentiality: geheim')
    .replace(
      /^access:\n( {2}- .*\n)+/m,
      [
        'access:',
        '  - { group: a1b2c3d4-0001-4000-8000-000000000001, role: handler, maxConfidentiality: vertrouwelijk }',
        '  - { group: a1b2c3d4-0002-4000-8000-000000000002, role: handler, maxConfidentiality: geheim }',
        '',
      ].join('\n'),
    );

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** A valid body per case endpoint; the probe's stale If-Match makes an allowed change 412, so nothing changes. */
const probeBodies: Record<string, unknown> = {
  updateCase: { title: 'Probe' },
  takeCase: undefined,
  assignCase: { assigneeId: persona('behandelaar2').id },
  releaseCase: undefined,
  moveCasePhase: { phase: 'beoordeling' },
  tickChecklistItem: { phase: 'intake', item: 'probe', done: true },
  suspendCase: { on: '2026-03-03', reason: 'probe', term: 'P2W' },
  resumeCase: { on: '2026-03-04' },
  extendCase: { duration: 'P2W', reason: 'probe' },
  shareCase: { userId: persona('adviseur').id, access: 'read', expiresAt: inADay(), reason: 'probe' },
  revokeCaseShare: undefined,
  createTask: { kind: 'todo', title: 'probe' },
  closeCase: { outcome: 'verleend' },
  reopenCase: { reason: 'probe' },
  setCaseArchive: { reason: 'probe' },
  generateCaseDocument: { documentType: 'ontvangstbevestiging' },
  draftCaseEmail: { template: 'ontvangstbevestiging' },
};

const registration = (caseType: string, applicant: { name: string; email: string }) => {
  const omgeving = caseType === 'omgevingsvergunning';
  return {
    caseType,
    title: `Toegangstest ${caseType}`,
    receivedOn: '2026-03-02',
    parties: [{ role: omgeving ? 'aanvrager' : 'klager', ...applicant }],
    fields: omgeving ? { projectomschrijving: 'Dakkapel', locatie: 'Dorpsstraat 1' } : { omschrijving: 'Onheus bejegend' },
  };
};

/**
 * The authorization matrix through HTTP: for every demo persona, every case endpoint of the endpoint
 * table and four cases (intern, zaakvertrouwelijk, geheim, one assigned to a persona without groups),
 * the status the API answers is the one can() predicts. Changes are probed with a stale If-Match: an
 * allowed change answers 412 and writes nothing, a refused one 403, an invisible case 404.
 */
describe('access control on the local stack', () => {
  let local: LocalApi;
  const cases = {} as Record<Fixture, { id: string; state: CaseState }>;
  const actors = new Map<Login, Actor>();
  const anna = { name: 'Anna Aanvrager', email: 'anna@example.nl' };
  const karel = { name: 'Karel Klager', email: 'karel@example.nl' };

  const jsonOf = async (response: Response) => (await response.json()) as Json;
  const call = (login: Login | null, method: string, path: string, options: CallOptions = {}) =>
    local.call(login, method, path, options);

  const accessLog = async (login: Login, path: string) => {
    const response = await call(login, 'GET', path);
    return { status: response.status, body: await jsonOf(response) };
  };

  async function register(login: Login, caseType: string, applicant: { name: string; email: string }) {
    const response = await call(login, 'POST', '/cases', { json: registration(caseType, applicant) });
    expect(response.status).toBe(201);
    return { id: String((await jsonOf(response)).id), etag: response.headers.get('etag') ?? '' };
  }
  async function assign(by: Login, registered: { id: string; etag: string }, to: Login) {
    const response = await call(by, 'POST', `/cases/${registered.id}/assign`, {
      json: { assigneeId: persona(to).id },
      headers: { 'if-match': registered.etag },
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    local = await startLocalApi({
      shippedCaseTypes: (files) => {
        const klacht = files.find((file) => file.name === 'klacht.yaml');
        if (!klacht) throw new Error('klacht.yaml is shipped');
        return [...files, { name: 'klacht-geheim.yaml', text: secretKlacht(klacht.text) }];
      },
    });
    const a = await register('behandelaar', 'omgevingsvergunning', anna);
    const b = await register('behandelaar', 'klacht', karel);
    const c = await register('coordinator', 'klacht-geheim', anna);
    const d = await register('behandelaar', 'omgevingsvergunning', karel);
    await assign('behandelaar', b, 'kcc');
    await assign('coordinator', c, 'behandelaar');
    await assign('behandelaar', d, 'adviseur');

    const { caseStore } = local.caseStores();
    for (const [fixture, { id }] of Object.entries({ A: a, B: b, C: c, D: d })) {
      const loaded = await caseStore.load<CaseState>(id);
      if (!loaded) throw new Error(`case ${fixture} should exist`);
      cases[fixture as Fixture] = { id, state: loaded.state };
    }

    // The same resolution as the API: groups and app roles from the directory, access lists from storage.
    const lists = currentAccessLists(await createCaseTypeRepository(local.table(caseTypesTableName)).listAllVersions());
    for (const p of demoTenant.personas) {
      const groups = demoTenant.groups.filter((g) => (p.groups as readonly string[]).includes(g.mailNickname));
      const roles = globalRolesFromAppRoles(groups.flatMap((g) => (g.appRole ? [g.appRole] : [])));
      const user = { id: p.id, name: p.displayName, roles, groups: groups.map((g) => g.id) };
      actors.set(p.login, resolveActor(user, lists, defaultAccessSettings, new Date().toISOString()));
    }
  });
  afterAll(() => local?.stop());

  /** The status can() predicts for a probe of this endpoint on this case. */
  function expectedStatus(login: Login, endpointName: string, fixture: Fixture, method: string): number {
    const access = endpointAccess[endpointName];
    if (access?.on !== 'case') throw new Error(`${endpointName} is not a case endpoint`);
    const actor = actors.get(login);
    if (!actor) throw new Error(`no actor for ${login}`);
    const resource = { kind: 'case' as const, case: cases[fixture].state };
    if (!can(actor, 'case.read', resource)) return 404;
    if (!can(actor, access.action, resource)) return 403;
    return method === 'GET' ? 200 : 412;
  }

  const matrix = caseEndpoints.flatMap((endpoint) =>
    logins.flatMap((login) => fixtures.map((fixture) => [login, endpoint.name, fixture, endpoint] as const)),
  );

  it('has at least 150 persona × endpoint × case checks, generated from the endpoint table', () => {
    expect(matrix.length).toBeGreaterThanOrEqual(150);
    const changes = caseEndpoints.filter((e) => e.methods.some((m) => m !== 'GET')).map((e) => e.name);
    expect(changes.filter((name) => !(name in probeBodies))).toEqual([]);
  });

  it('expects every outcome somewhere, with the ceilings where the personas meet them', () => {
    const outcomes = new Set(
      matrix.map(([login, name, fixture, e]) => expectedStatus(login, name, fixture, e.methods[0] ?? 'GET')),
    );
    expect([...outcomes].sort()).toEqual([200, 403, 404, 412]);
    expect(expectedStatus('raadpleger', 'updateCase', 'A', 'PATCH')).toBe(403);
    expect(expectedStatus('kcc', 'getCase', 'B', 'GET')).toBe(404); // assigned, but zaakvertrouwelijk > intern
    expect(expectedStatus('behandelaar', 'getCase', 'C', 'GET')).toBe(404); // assigned, but geheim > vertrouwelijk
    expect(expectedStatus('coordinator', 'updateCase', 'C', 'PATCH')).toBe(412);
    expect(expectedStatus('adviseur', 'updateCase', 'D', 'PATCH')).toBe(412); // the assignee, without any group
    expect(expectedStatus('adviseur', 'getCase', 'A', 'GET')).toBe(404);
    expect(expectedStatus('beheerder', 'getCase', 'A', 'GET')).toBe(404);
    expect(expectedStatus('archivaris', 'getCaseAccessLog', 'A', 'GET')).toBe(200);
  });

  it.each(matrix)('%s on %s of case %s gets what the policy says', async (login, name, fixture, endpoint) => {
    const method = endpoint.methods[0] ?? 'GET';
    const path = endpoint.route.replace(/^v1/, '').replace('{id}', cases[fixture].id).replace('{shareId}', 'probe');
    const options: CallOptions = method === 'GET' ? {} : { headers: { 'if-match': 'W/"stale"' } };
    const body = probeBodies[name];
    if (body !== undefined) options.json = body;
    const response = await call(login, method, path, options);
    const expected = expectedStatus(login, name, fixture, method);
    expect({ status: response.status, code: (await jsonOf(response)).code }).toMatchObject({
      status: expected,
      ...(expected === 404 ? { code: 'case.not-found' } : expected === 403 ? { code: 'auth.not-allowed' } : {}),
    });
  });

  describe('lists and counts', () => {
    const assignedRows = async (login: Login): Promise<string[]> => {
      const ids: string[] = [];
      const rows = local.table(workQueueTableName).listEntities<{ caseId: string }>({
        queryOptions: { filter: `PartitionKey eq 'assignee:${persona(login).id}'` },
      });
      for await (const row of rows) ids.push(row.caseId);
      return ids;
    };

    beforeAll(async () => {
      // The projector runs from the outbox queue; wait until the assigned cases are in their queues.
      const wanted: [Login, Fixture][] = [
        ['kcc', 'B'],
        ['behandelaar', 'C'],
        ['adviseur', 'D'],
      ];
      for (let attempt = 0; attempt < 100; attempt++) {
        const present = await Promise.all(wanted.map(async ([login, f]) => (await assignedRows(login)).includes(cases[f].id)));
        if (present.every(Boolean)) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the work-queue projection did not catch up');
    });

    it.each(logins)('shows %s exactly the assigned cases they may see; the count leaves the others out', async (login) => {
      const actor = actors.get(login);
      if (!actor) throw new Error('no actor');
      const expected = fixtures
        .filter((f) => cases[f].state.assignee?.id === persona(login).id)
        .filter((f) => can(actor, 'case.read', { kind: 'case', case: cases[f].state }))
        .map((f) => cases[f].id);
      const response = await call(login, 'GET', '/cases?queue=mine&limit=100');
      expect(response.status).toBe(200);
      const items = ((await jsonOf(response)).items as { id: string }[]).map((item) => item.id);
      expect(items.sort()).toEqual(expected.sort());
      expect(items).toHaveLength(expected.length);
    });

    it('hides rows that are in the queue table: the ceiling filters them, not the projection', async () => {
      expect(await assignedRows('kcc')).toContain(cases.B.id);
      expect(await assignedRows('behandelaar')).toContain(cases.C.id);
      const mine = async (login: Login) =>
        ((await jsonOf(await call(login, 'GET', '/cases?queue=mine'))).items as { id: string }[]).map((i) => i.id);
      expect(await mine('kcc')).not.toContain(cases.B.id);
      expect(await mine('behandelaar')).not.toContain(cases.C.id);
      expect(await mine('adviseur')).toContain(cases.D.id);
    });
  });

  describe('functions outside one case, per persona', () => {
    const systemEndpoints = createEndpoints(createDependencies(loadApiConfig({}))).filter(
      (endpoint) => endpointAccess[endpoint.name]?.on === 'system',
    );
    const queries: Record<string, string> = { personAccessLog: '?applicant=anna@example.nl' };
    const checks = systemEndpoints.flatMap((endpoint) => logins.map((login) => [login, endpoint.name, endpoint] as const));

    it.each(checks)('%s on %s gets what the policy says', async (login, name, endpoint) => {
      const access = endpointAccess[name];
      if (access?.on !== 'system') throw new Error('a system endpoint');
      const allowed = can(actors.get(login) as Actor, access.action, { kind: 'system' });
      const response = await call(login, 'GET', `${endpoint.route.replace(/^v1/, '')}${queries[name] ?? ''}`);
      expect(response.status).toBe(allowed ? 200 : 403);
    });

    it('shows the beheerder who has which rights where: global roles and each type’s groups', async () => {
      const overview = await jsonOf(await call('beheerder', 'GET', '/access/overview'));
      const klacht = (overview.caseTypes as { key: string; grants: { group: string; role: string }[] }[]).find(
        (t) => t.key === 'klacht',
      );
      expect(klacht?.grants.map((g) => [g.group, g.role])).toEqual([
        ['a1b2c3d4-0001-4000-8000-000000000001', 'handler'],
        ['a1b2c3d4-0002-4000-8000-000000000002', 'coordinator'],
      ]);
      expect(overview.globalRoles).toContainEqual(
        expect.objectContaining({ role: 'contactCentre', maxConfidentiality: 'intern' }),
      );
    });
  });

  describe('registering, per persona and case type', () => {
    const types = ['omgevingsvergunning', 'klacht', 'klacht-geheim', 'subsidieaanvraag', 'storingsonderhoud-netwerk'];
    const checks = logins.flatMap((login) => types.map((type) => [login, type] as const));

    it.each(checks)('%s registering a %s is allowed exactly when the policy says', async (login, type) => {
      const lists = currentAccessLists(await createCaseTypeRepository(local.table(caseTypesTableName)).listAllVersions());
      const found = lists.find((l) => l.key === type);
      const actor = actors.get(login);
      if (!found || !actor) throw new Error('missing type or actor');
      const allowed = can(actor, 'caseType.register', { kind: 'caseType', caseType: found });
      // An unknown field: allowed callers get 400 after the access check, so nothing is registered.
      const body = { ...registration(type, anna), fields: { bestaatNiet: 1 } };
      const response = await call(login, 'POST', '/cases', { json: body });
      expect({ status: response.status, code: (await jsonOf(response)).code }).toEqual(
        allowed ? { status: 400, code: 'case.invalid' } : { status: 403, code: 'auth.not-allowed' },
      );
    });
  });

  describe('access logging (inzageregistratie)', () => {
    it('records a read of a case and of its timeline: who, channel and purpose, newest first', async () => {
      expect((await call('behandelaar2', 'GET', `/cases/${cases.A.id}`)).status).toBe(200);
      expect((await call('behandelaar2', 'GET', `/cases/${cases.A.id}/timeline`)).status).toBe(200);
      const log = await accessLog('archivaris', `/cases/${cases.A.id}/access-log?limit=2`);
      expect(log.status).toBe(200);
      const items = log.body.items as Item[];
      expect(items.map((i) => [i.user.id, i.purpose, i.channel, i.via])).toEqual([
        [persona('behandelaar2').id, 'timeline', 'api', null],
        [persona('behandelaar2').id, 'case', 'api', null],
      ]);
    });

    it('keeps the case log from those who may see the case but not its log (403) and those who may not see it (404)', async () => {
      expect((await accessLog('behandelaar', `/cases/${cases.A.id}/access-log`)).status).toBe(403);
      expect((await accessLog('archivaris', `/cases/${cases.C.id}/access-log`)).status).toBe(404);
    });

    it('finds the reads of an applicant’s cases by e-mail or name, leaving out cases above the reader’s ceiling', async () => {
      const byEmail = await accessLog('archivaris', `/access-log?applicant=${encodeURIComponent('anna@example.nl')}&limit=200`);
      const byName = await accessLog('archivaris', `/access-log?applicant=${encodeURIComponent(' anna AANVRAGER ')}&limit=200`);
      expect(byEmail.status).toBe(200);
      const caseIds = (body: Json) => new Set((body.items as Item[]).map((i) => i.case.id));
      expect([...caseIds(byEmail.body)]).toEqual([cases.A.id]);
      expect([...caseIds(byName.body)]).toEqual([cases.A.id]);
      // Anna is also the klager of the geheim case C, which the coordinator read: recorded, but not for the archivaris.
      const stored = await createTableAccessLog(local.table(accessLogTableName)).listForPerson('anna@example.nl', {
        limit: 1000,
      });
      expect(stored.records.map((r) => r.caseId)).toContain(cases.C.id);
      const karel = await accessLog('archivaris', `/access-log?applicant=karel@example.nl&limit=200`);
      expect([...caseIds(karel.body)].sort()).toEqual([cases.B.id, cases.D.id].sort());
    });

    it('refuses the per-person report to anyone without the role (403)', async () => {
      for (const login of logins) {
        const allowed = can(actors.get(login) as Actor, 'accessLog.report', { kind: 'system' });
        expect((await accessLog(login, '/access-log?applicant=anna@example.nl')).status).toBe(allowed ? 200 : 403);
      }
    });
  });

  describe('the bot acting for a user', () => {
    const clientCredentials = async (clientId: string, clientSecret: string): Promise<string | null> => {
      const response = await fetch(local.m365.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: `${demoTenant.apiApp.appIdUri}/.default`,
        }),
      });
      if (response.status !== 200) return null;
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const botToken = async () => {
      const token = await clientCredentials(demoTenant.botApp.clientId, demoTenant.botApp.clientSecret);
      if (!token) throw new Error('the bot gets a token');
      return token;
    };
    const asBot = async (actingFor: Login, method: string, path: string, options: CallOptions = {}) =>
      fetch(`${local.api}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await botToken()}`,
          'x-zaakwerk-acting-user': persona(actingFor).id,
          ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
      });

    it('lets the bot read for the raadpleger what the raadpleger may read, recorded as via the bot', async () => {
      const read = await asBot('raadpleger', 'GET', `/cases/${cases.A.id}`);
      expect(read.status).toBe(200);
      expect((await jsonOf(read)).abilities).toMatchObject({ update: false, take: false, assign: false });
      expect((await asBot('raadpleger', 'GET', `/cases/${cases.B.id}`)).status).toBe(404);
      const log = await accessLog('archivaris', `/cases/${cases.A.id}/access-log?limit=1`);
      expect((log.body.items as Item[])[0]).toMatchObject({
        user: { id: persona('raadpleger').id },
        channel: 'bot',
        via: { appId: demoTenant.botApp.clientId },
      });
    });

    it('does not let the raadpleger change a case through the bot, even with the current ETag', async () => {
      const current = await asBot('raadpleger', 'GET', `/cases/${cases.A.id}`);
      const etag = current.headers.get('etag') ?? '';
      const { eventLog } = local.caseStores();
      const before = (await eventLog.allEvents(cases.A.id)).length;
      const attempts = [
        ['PATCH', `/cases/${cases.A.id}`, { title: 'Via de bot' }],
        ['POST', `/cases/${cases.A.id}/take`, undefined],
        ['POST', `/cases/${cases.A.id}/assign`, { assigneeId: persona('raadpleger').id }],
      ] as const;
      for (const [method, path, json] of attempts) {
        const response = await asBot('raadpleger', method, path, { json, headers: { 'if-match': etag } });
        expect({ path, status: response.status, code: (await jsonOf(response)).code }).toEqual({
          path,
          status: 403,
          code: 'auth.not-allowed',
        });
      }
      expect(await eventLog.allEvents(cases.A.id)).toHaveLength(before);
    });

    it('ignores the acting-user header from any caller but the bot (401 or 403), also for reads and changes', async () => {
      const header = { 'x-zaakwerk-acting-user': persona('coordinator').id };
      for (const [method, path] of [
        ['GET', `/cases/${cases.A.id}`],
        ['PATCH', `/cases/${cases.A.id}`],
        ['GET', '/cases?queue=mine'],
      ] as const) {
        const options = {
          headers: { ...header, 'if-match': 'W/"stale"' },
          ...(method === 'PATCH' ? { json: { title: 'x' } } : {}),
        };
        const asUser = await call('raadpleger', method, path, options);
        expect({ status: asUser.status, code: (await jsonOf(asUser)).code }).toEqual({
          status: 403,
          code: 'auth.acting-user-not-allowed',
        });
        expect((await call(null, method, path, options)).status).toBe(401);
      }
      // The API's own app identity is not the bot either.
      const apiAppToken = await clientCredentials(demoTenant.apiApp.clientId, demoTenant.apiApp.clientSecret);
      if (apiAppToken) {
        const response = await fetch(`${local.api}/cases/${cases.A.id}`, {
          headers: { authorization: `Bearer ${apiAppToken}`, ...header },
        });
        expect([401, 403]).toContain(response.status);
      }
    });
  });

  describe('sharing one case', () => {
    it('gives a colleague without any group read access until it is revoked; the share is in the timeline', async () => {
      const current = await call('coordinator', 'GET', `/cases/${cases.A.id}`);
      expect((await call('adviseur', 'GET', `/cases/${cases.A.id}`)).status).toBe(404);
      const shared = await call('coordinator', 'POST', `/cases/${cases.A.id}/shares`, {
        json: { userId: persona('adviseur').id, access: 'read', expiresAt: inADay(), reason: 'Advies constructie' },
        headers: { 'if-match': current.headers.get('etag') ?? '' },
      });
      expect(shared.status).toBe(201);
      const share = await jsonOf(shared);
      expect(share).toMatchObject({ user: { id: persona('adviseur').id, name: 'Joost Mulder' }, access: 'read', active: true });

      expect((await call('adviseur', 'GET', `/cases/${cases.A.id}`)).status).toBe(200);
      const etag = shared.headers.get('etag') ?? '';
      const refused = await call('adviseur', 'PATCH', `/cases/${cases.A.id}`, {
        json: { title: 'x' },
        headers: { 'if-match': etag },
      });
      expect(refused.status).toBe(403);
      const listed = await jsonOf(await call('coordinator', 'GET', `/cases/${cases.A.id}/shares`));
      expect((listed.items as { id: string }[]).map((s) => s.id)).toEqual([share.id]);
      expect((await call('behandelaar', 'GET', `/cases/${cases.A.id}/shares`)).status).toBe(403);

      const revoked = await call('coordinator', 'DELETE', `/cases/${cases.A.id}/shares/${String(share.id)}`, {
        headers: { 'if-match': etag },
      });
      expect(revoked.status).toBe(204);
      expect((await call('adviseur', 'GET', `/cases/${cases.A.id}`)).status).toBe(404);
      const timeline = await jsonOf(await call('coordinator', 'GET', `/cases/${cases.A.id}/timeline?limit=2`));
      expect((timeline.items as { summary: { en: string } }[]).map((i) => i.summary.en)).toEqual([
        'Fatima El Amrani stopped sharing the case with Joost Mulder',
        expect.stringMatching(/^Fatima El Amrani shared the case with Joost Mulder until \d{4}-\d{2}-\d{2} \(read\)$/),
      ]);
    });
  });
});
