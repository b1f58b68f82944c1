import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { startLocalApi, type CallOptions, type LocalApi, type Login } from './support/local-api';

type Json = Record<string, unknown>;

/**
 * Migrating running cases to a newer case-type version through HTTP: version 2 of the omgevingsvergunning
 * adds a field required on entering the beoordeling phase. A case still in intake may move; a case already
 * in beoordeling (with that field empty) is refused with the reason; the move is recorded as an event.
 */
describe('migrating running cases to a newer case-type version', () => {
  let local: LocalApi;
  const call = (login: Login, method: string, path: string, options: CallOptions = {}) =>
    local.call(login, method, path, options);
  const jsonOf = async (response: Response) => (await response.json()) as Json;
  let inIntake: Json = {};
  let inBeoordeling: Json = {};

  const register = async (title: string): Promise<Json> => {
    const response = await call('behandelaar', 'POST', '/cases', {
      json: {
        caseType: 'omgevingsvergunning',
        title,
        parties: [],
        fields: { projectomschrijving: 'Dakkapel', locatie: 'Dorpsstraat 1', bouwkosten: 12000 },
      },
    });
    expect(response.status).toBe(201);
    return jsonOf(response);
  };

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
    inIntake = await register('Blijft in intake');
    inBeoordeling = await register('Al in beoordeling');
    let etag = String(inBeoordeling.etag);
    const id = String(inBeoordeling.id);
    for (const item of ['ontvangst-bevestigd', 'volledig']) {
      const ticked = await call('behandelaar', 'POST', `/cases/${id}/checklist`, {
        json: { phase: 'intake', item, done: true },
        headers: { 'if-match': etag },
      });
      etag = ticked.headers.get('etag') ?? '';
    }
    const moved = await call('behandelaar', 'POST', `/cases/${id}/phase`, {
      json: { phase: 'beoordeling' },
      headers: { 'if-match': etag },
    });
    expect(moved.status).toBe(200);

    // Version 2: a new field, required to enter beoordeling.
    const exported = (await jsonOf(
      await call('beheerder', 'GET', '/case-types/omgevingsvergunning/versions/1/export?format=json'),
    )) as { fields: Json[]; phases: { key: string; requiredFields?: string[] }[] };
    exported.fields.push({ key: 'kadastraalPerceel', label: 'Kadastraal perceel', type: 'text' });
    for (const phase of exported.phases) {
      if (phase.key === 'beoordeling') phase.requiredFields = [...(phase.requiredFields ?? []), 'kadastraalPerceel'];
    }
    const imported = await call('beheerder', 'POST', '/case-types/import', { json: exported });
    expect(imported.status).toBe(201);
    const published = await call('beheerder', 'POST', '/case-types/omgevingsvergunning/publish');
    expect(published.status).toBe(201);
    expect((await jsonOf(published)).version).toBe(2);
  }, 120_000);
  afterAll(() => local?.stop());

  const migrate = (login: Login, caseIds: unknown[]) =>
    call(login, 'POST', '/case-types/omgevingsvergunning/versions/2/migrations', { json: { caseIds } });

  it('refuses non-administrators with 403 and changes nothing', async () => {
    for (const login of ['behandelaar', 'coordinator'] as const) {
      expect((await migrate(login, [inIntake.id])).status).toBe(403);
    }
    expect((await jsonOf(await call('behandelaar', 'GET', `/cases/${String(inIntake.id)}`))).caseType).toMatchObject({
      version: 1,
    });
  });

  it('lists every invalid input (400) and answers 404 for a version that does not exist', async () => {
    const invalid = await migrate('beheerder', ['geen-uuid']);
    expect(invalid.status).toBe(400);
    expect(((await jsonOf(invalid)).errors as { path: string }[]).map((e) => e.path)).toEqual(['body.caseIds.0']);
    const missing = await call('beheerder', 'POST', '/case-types/omgevingsvergunning/versions/9/migrations', {
      json: { caseIds: [inIntake.id] },
    });
    expect(missing.status).toBe(404);
  });

  it('migrates the case in intake and refuses the one in beoordeling with its reason', async () => {
    const unknownId = '6f1c1d7e-0000-4000-8000-000000000009';
    const response = await migrate('beheerder', [inIntake.id, inBeoordeling.id, unknownId]);
    expect(response.status).toBe(200);
    const outcome = await jsonOf(response);
    expect(outcome.migrated).toEqual([
      { caseId: inIntake.id, number: inIntake.number, from: 1, to: 2, etag: expect.stringMatching(/^W\//) as unknown },
    ]);
    expect(outcome.refused).toEqual([
      {
        caseId: inBeoordeling.id,
        reasons: [
          {
            code: 'field.required-missing',
            message: 'Field "kadastraalPerceel" is required but empty',
            subject: 'kadastraalPerceel',
          },
        ],
      },
      { caseId: unknownId, reasons: [{ code: 'case.not-found', message: `There is no case ${unknownId}` }] },
    ]);

    const migrated = await call('behandelaar', 'GET', `/cases/${String(inIntake.id)}`);
    expect((await jsonOf(migrated)).caseType).toEqual({ key: 'omgevingsvergunning', version: 2, name: 'Omgevingsvergunning' });
    const refused = await call('behandelaar', 'GET', `/cases/${String(inBeoordeling.id)}`);
    expect((await jsonOf(refused)).caseType).toMatchObject({ version: 1 });
  });

  it('records the migration on the timeline in Dutch and English, in a chain that verifies', async () => {
    const timeline = await jsonOf(await call('behandelaar', 'GET', `/cases/${String(inIntake.id)}/timeline?limit=1`));
    expect((timeline.items as Json[])[0]).toMatchObject({
      type: 'case.migrated',
      summary: {
        nl: expect.stringContaining('van versie 1 naar versie 2') as unknown,
        en: expect.stringContaining('from version 1 to version 2') as unknown,
      },
    });
    const { caseStore, eventLog } = local.caseStores();
    const caseId = String(inIntake.id);
    await expect(verifyCaseChain({ caseStore, eventLog }, caseId)).resolves.toEqual({ caseId, ok: true, count: 2 });
  });

  it('refuses a case that is already on the version asked for', async () => {
    const again = await jsonOf(await migrate('beheerder', [inIntake.id]));
    expect(again.migrated).toEqual([]);
    expect((again.refused as { reasons: { code: string }[] }[])[0]?.reasons.map((r) => r.code)).toContain('migration.not-newer');
  });
});
