import { caseTypesTableName, createCaseTypeRepository } from '../../../functions/src/adapters/table-storage/case-types.table';
import { currentAccessLists } from '../../../functions/src/app/access/access-resolver';
import { defaultAccessSettings, resolveActor, type Actor } from '../../../functions/src/domain/access';
import type { CaseState } from '../../../functions/src/domain/cases';
import { globalRolesFromAppRoles } from '../../../functions/src/domain/roles';
import { demoTenant } from '../../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type LocalApi, type Login } from './local-api';

export type Fixture = 'A' | 'B' | 'C' | 'D';
export const fixtures: Fixture[] = ['A', 'B', 'C', 'D'];

export const logins = demoTenant.personas.map((p) => p.login);
export const persona = (login: Login) => {
  const found = demoTenant.personas.find((p) => p.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return found;
};

/** A secret variant of the shipped klacht: handled by the behandelaars' group, but only the coordinators reach `geheim`. */
export const secretKlacht = (klacht: string): string =>
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

export const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

export const registration = (caseType: string, applicant: { name: string; email: string }) => {
  const omgeving = caseType === 'omgevingsvergunning';
  return {
    caseType,
    title: `Toegangstest ${caseType}`,
    receivedOn: '2026-03-02',
    parties: [{ role: omgeving ? 'aanvrager' : 'klager', ...applicant }],
    fields: omgeving ? { projectomschrijving: 'Dakkapel', locatie: 'Dorpsstraat 1' } : { omschrijving: 'Onheus bejegend' },
  };
};

export const anna = { name: 'Anna Aanvrager', email: 'anna@example.nl' };
export const karel = { name: 'Karel Klager', email: 'karel@example.nl' };

export interface AccessFixtures {
  local: LocalApi;
  /** The four cases and their stored state, for can(). */
  cases: Record<Fixture, { id: string; state: CaseState }>;
  /** Each demo persona as the API resolves them. */
  actors: Map<Login, Actor>;
}

/**
 * The API on the local stack, with the shipped case types plus a geheim klacht, and four cases: A intern
 * (omgevingsvergunning, Anna), B zaakvertrouwelijk (klacht, Karel) assigned to the kcc, C geheim
 * (klacht-geheim, Anna) assigned to the behandelaar, D intern (omgevingsvergunning, Karel) assigned to the
 * adviseur, a persona without groups. Their access tests compare what the API answers with can().
 */
export async function startAccessFixtures(): Promise<AccessFixtures> {
  const local = await startLocalApi({
    shippedCaseTypes: (files) => {
      const klacht = files.find((file) => file.name === 'klacht.yaml');
      if (!klacht) throw new Error('klacht.yaml is shipped');
      return [...files, { name: 'klacht-geheim.yaml', text: secretKlacht(klacht.text) }];
    },
  });
  try {
    const cases = {} as Record<Fixture, { id: string; state: CaseState }>;
    const actors = new Map<Login, Actor>();
    const register = async (login: Login, caseType: string, applicant: { name: string; email: string }) => {
      const response = await local.call(login, 'POST', '/cases', { json: registration(caseType, applicant) });
      expect(response.status).toBe(201);
      return { id: String(((await response.json()) as { id: unknown }).id), etag: response.headers.get('etag') ?? '' };
    };
    const assign = async (by: Login, registered: { id: string; etag: string }, to: Login) => {
      const response = await local.call(by, 'POST', `/cases/${registered.id}/assign`, {
        json: { assigneeId: persona(to).id },
        headers: { 'if-match': registered.etag },
      });
      expect(response.status).toBe(200);
    };
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
    return { local, cases, actors };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
