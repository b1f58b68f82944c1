import { jsonOf } from './support/case-steps';
import { caseTypesTableName, createCaseTypeRepository } from '../../functions/src/adapters/table-storage/case-types.table';
import { currentAccessLists } from '../../functions/src/app/access/access-resolver';
import { createDependencies } from '../../functions/src/composition-root';
import { loadApiConfig } from '../../functions/src/config';
import { can, type Actor } from '../../functions/src/domain/access';
import { endpointAccess } from '../../functions/src/http/endpoint-access';
import { createEndpoints } from '../../functions/src/http/endpoints';
import {
  anna,
  fixtures,
  inADay,
  logins,
  persona,
  registration,
  startAccessFixtures,
  type AccessFixtures,
  type Fixture,
} from './support/access-fixtures';
import type { CallOptions, LocalApi, Login } from './support/local-api';

/** Every endpoint of the table that acts on one case, as the matrix lists them. */
/**
 * Case endpoints addressed by the case id alone. Task endpoints (/tasks/{taskId}) and links (a second
 * case in the route or body) ask the same can() — their rows are in the matrix and their rules are
 * tested in domain/access/can.test.ts, api-tasks-consultation-approval.test.ts and api-cases-links-archive.test.ts.
 */
const caseEndpoints = createEndpoints(createDependencies(loadApiConfig({}))).filter(
  (endpoint) =>
    endpointAccess[endpoint.name]?.on === 'case' &&
    endpoint.route.startsWith('v1/cases/{id}') &&
    !/\{(?!id\}|shareId\})/.test(endpoint.route) && // no second id (a document, a linked case) to invent
    !['addCaseLink', 'uploadCaseDocument', 'syncDocumentVersions'].includes(endpoint.name),
);

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

/**
 * The authorization matrix through HTTP: for every demo persona, every case endpoint of the endpoint
 * table and four cases (intern, zaakvertrouwelijk, geheim, one assigned to a persona without groups),
 * the status the API answers is the one can() predicts. Changes are probed with a stale If-Match: an
 * allowed change answers 412 and writes nothing, a refused one 403, an invisible case 404.
 */
describe('access control on the local stack', () => {
  let local: LocalApi;
  let cases: AccessFixtures['cases'];
  let actors: AccessFixtures['actors'];

  const call = (login: Login | null, method: string, path: string, options: CallOptions = {}) =>
    local.call(login, method, path, options);

  beforeAll(async () => {
    ({ local, cases, actors } = await startAccessFixtures());
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
});
