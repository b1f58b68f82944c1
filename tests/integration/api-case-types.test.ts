import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startLocalApi, type CallOptions, type LocalApi, type Login } from './support/local-api';

type Definition = Record<string, unknown> & { key: string; fields: Record<string, unknown>[] };
/** The shipped klacht example under its own key, so nothing else in the store collides with it. */
const klacht = (): Definition => ({
  ...(parse(readFileSync(join(__dirname, '../../functions/case-types/klacht.yaml'), 'utf8')) as Definition),
  key: 'klacht-test',
});

/**
 * The case-type API on the local stack: register(app) in the local Functions host, Azurite storage,
 * tokens for the demo personas from the local Microsoft 365.
 */
describe('the case-type API on the local stack', () => {
  let local: LocalApi;

  beforeAll(async () => {
    local = await startLocalApi();
  });
  afterAll(() => local?.stop());

  const call = (login: Login | null, method: string, path: string, options?: CallOptions) =>
    local.call(login, method, path, options);

  const asAdmin = (method: string, path: string, options?: Parameters<typeof call>[3]) =>
    call('beheerder', method, path, options);
  const jsonOf = async (response: Response) => (await response.json()) as Record<string, unknown>;

  describe('the life of a case type, as the administrator (beheerder)', () => {
    let etag = '';
    let firstPublished: Record<string, unknown> = {};

    it('creates a draft and answers 201 with an ETag', async () => {
      const response = await asAdmin('POST', '/case-types', { json: klacht() });
      expect(response.status).toBe(201);
      etag = response.headers.get('etag') ?? '';
      expect(etag).toMatch(/^W\/"/);
      expect(await jsonOf(response)).toMatchObject({ key: 'klacht-test', status: 'draft', etag, name: 'Klacht' });
    });

    it('refuses a second draft for the same key with 409', async () => {
      const response = await asAdmin('POST', '/case-types', { json: klacht() });
      expect(response.status).toBe(409);
      expect(await jsonOf(response)).toMatchObject({ code: 'case-type.draft-exists' });
    });

    it('refuses an update without If-Match with 428', async () => {
      const response = await asAdmin('PUT', '/case-types/drafts/klacht-test', { json: { ...klacht(), name: 'Klacht!' } });
      expect(response.status).toBe(428);
      expect(await jsonOf(response)).toMatchObject({ code: 'request.if-match-required' });
    });

    it('updates with the current ETag and then refuses the stale one with 412', async () => {
      const updated = await asAdmin('PUT', '/case-types/drafts/klacht-test', {
        json: { ...klacht(), name: 'Klacht over gedrag' },
        headers: { 'if-match': etag },
      });
      expect(updated.status).toBe(200);
      const newEtag = updated.headers.get('etag') ?? '';
      expect(newEtag).not.toBe(etag);
      const stale = await asAdmin('PUT', '/case-types/drafts/klacht-test', {
        json: { ...klacht(), name: 'Iets anders' },
        headers: { 'if-match': etag },
      });
      expect(stale.status).toBe(412);
      expect(await jsonOf(stale)).toMatchObject({ code: 'case-type.draft-changed' });
      etag = newEtag;
      const draft = await asAdmin('GET', '/case-types/drafts/klacht-test');
      expect(draft.headers.get('etag')).toBe(etag);
      expect(await jsonOf(draft)).toMatchObject({ name: 'Klacht over gedrag' });
    });

    it('publishes the draft as version 1', async () => {
      const response = await asAdmin('POST', '/case-types/klacht-test/publish');
      expect(response.status).toBe(201);
      firstPublished = await jsonOf(response);
      expect(firstPublished).toMatchObject({ key: 'klacht-test', version: 1, status: 'published', name: 'Klacht over gedrag' });
      expect(response.headers.get('etag')).toBe(firstPublished.etag);
    });

    it('keeps version 1 as published while the draft is edited', async () => {
      const edited = {
        ...klacht(),
        name: 'Klacht (nieuw)',
        fields: [...klacht().fields, { key: 'kanaal', label: 'Kanaal', type: 'text' }],
      };
      const response = await asAdmin('PUT', '/case-types/drafts/klacht-test', { json: edited, headers: { 'if-match': etag } });
      expect(response.status).toBe(200);
      etag = response.headers.get('etag') ?? '';
      const v1 = await asAdmin('GET', '/case-types/klacht-test/versions/1');
      expect(v1.status).toBe(200);
      expect(await jsonOf(v1)).toEqual(firstPublished);
    });

    it('publishes version 2 and lists both versions', async () => {
      const published = await asAdmin('POST', '/case-types/klacht-test/publish', { headers: { 'if-match': etag } });
      expect(published.status).toBe(201);
      expect(await jsonOf(published)).toMatchObject({ version: 2, name: 'Klacht (nieuw)' });
      const list = await asAdmin('GET', '/case-types/klacht-test/versions');
      expect(list.status).toBe(200);
      const { items } = (await list.json()) as { items: { version: number; status: string }[] };
      expect(items.map((v) => [v.version, v.status])).toEqual([
        [1, 'published'],
        [2, 'published'],
      ]);
    });

    it('lists only the latest published version in GET /case-types', async () => {
      const response = await asAdmin('GET', '/case-types');
      expect(response.status).toBe(200);
      const { items } = (await response.json()) as { items: { key: string; version: number }[] };
      expect(items.filter((item) => item.key === 'klacht-test')).toEqual([
        expect.objectContaining({ key: 'klacht-test', version: 2, name: 'Klacht (nieuw)' }),
      ]);
    });

    it('diffs version 1 to version 2: the name changed and a field was added', async () => {
      const response = await asAdmin('GET', '/case-types/klacht-test/diff?from=1&to=2');
      expect(response.status).toBe(200);
      const diff = (await response.json()) as {
        properties: { property: string; before: unknown; after: unknown }[];
        fields: { added: { key: string }[]; removed: unknown[] };
      };
      expect(diff.properties).toContainEqual({ property: 'name', before: 'Klacht over gedrag', after: 'Klacht (nieuw)' });
      expect(diff.fields.added.map((f) => f.key)).toEqual(['kanaal']);
      expect(diff.fields.removed).toEqual([]);
    });

    it('round-trips export → import → publish into an identical case type', async () => {
      const exported = await asAdmin('GET', '/case-types/klacht-test/versions/2/export?format=yaml');
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toMatch(/^application\/yaml/);
      const yaml = await exported.text();

      const imported = await asAdmin('POST', '/case-types/import', { text: yaml, headers: { 'if-match': etag } });
      expect(imported.status).toBe(200);
      etag = imported.headers.get('etag') ?? '';
      const published = await asAdmin('POST', '/case-types/klacht-test/publish');
      expect(published.status).toBe(201);
      expect(await jsonOf(published)).toMatchObject({ version: 3 });

      const again = await asAdmin('GET', '/case-types/klacht-test/versions/3/export?format=yaml');
      expect(await again.text()).toBe(yaml);
      const diff = (await (await asAdmin('GET', '/case-types/klacht-test/diff?from=2&to=3')).json()) as Record<string, unknown>;
      const { from: _from, to: _to, ...changes } = diff;
      for (const change of Object.values(changes)) {
        expect(change).toEqual(Array.isArray(change) ? [] : { added: [], removed: [], changed: [] });
      }
    });

    it('exports JSON that parses to the same definition as the YAML export', async () => {
      const json = await (await asAdmin('GET', '/case-types/klacht-test/versions/3/export?format=json')).json();
      const yaml = parse(await (await asAdmin('GET', '/case-types/klacht-test/versions/3/export?format=yaml')).text()) as unknown;
      expect(json).toEqual(yaml);
    });

    it('imports a file for a new key as a new draft (201)', async () => {
      const response = await call('beheerder', 'POST', '/case-types/import', {
        json: { ...klacht(), key: 'klacht-import' },
      });
      expect(response.status).toBe(201);
      expect(await jsonOf(response)).toMatchObject({ key: 'klacht-import', status: 'draft' });
    });

    it('refuses an import over an existing draft without If-Match (428)', async () => {
      const response = await asAdmin('POST', '/case-types/import', { json: { ...klacht(), key: 'klacht-import' } });
      expect(response.status).toBe(428);
    });

    it('retires version 1 once; running cases can still read it', async () => {
      const retired = await asAdmin('POST', '/case-types/klacht-test/versions/1/retire');
      expect(retired.status).toBe(200);
      expect(await jsonOf(retired)).toMatchObject({ version: 1, status: 'retired' });
      const again = await asAdmin('POST', '/case-types/klacht-test/versions/1/retire');
      expect(again.status).toBe(409);
      expect(await jsonOf(again)).toMatchObject({ code: 'case-type.already-retired' });
      const v1 = await asAdmin('GET', '/case-types/klacht-test/versions/1');
      expect(await jsonOf(v1)).toMatchObject({ status: 'retired', name: 'Klacht over gedrag' });
    });

    it('answers 409 when publishing a key without a draft, 404 for unknown versions and drafts', async () => {
      expect((await asAdmin('POST', '/case-types/onbekend/publish')).status).toBe(409);
      const unknownVersion = await asAdmin('GET', '/case-types/klacht-test/versions/99');
      expect(unknownVersion.status).toBe(404);
      expect(await jsonOf(unknownVersion)).toMatchObject({ code: 'case-type.not-found' });
      expect((await asAdmin('GET', '/case-types/drafts/onbekend')).status).toBe(404);
      expect((await asAdmin('GET', '/case-types/onbekend/versions')).status).toBe(404);
    });
  });

  describe('invalid definitions', () => {
    it('refuses rule violations with 422 listing every issue by path', async () => {
      const definition = klacht();
      const phases = definition.phases as Record<string, unknown>[];
      const invalid = {
        ...definition,
        key: 'klacht-invalid',
        suspension: { allowed: false, max: 'P2W' },
        phases: [...phases.slice(0, -1), { ...phases[0] }, ...phases.slice(-1)],
        rules: [{ key: 'onbekend-veld', when: 'schadebedrag > 100', then: { requireApproval: 'coordinator' } }],
      };
      const response = await asAdmin('POST', '/case-types', { json: invalid });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as { code: string; errors: { path: string; code: string }[] };
      expect(problem.code).toBe('case-type.invalid');
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'suspension.max', code: 'suspension.max-without-allowed' }),
          expect.objectContaining({ path: 'phases[2].key', code: 'key.duplicate' }),
          expect.objectContaining({ path: 'rules[0].when' }),
        ]),
      );
    });

    it('refuses a malformed structure with 400 listing every issue by path', async () => {
      const { name: _name, ...withoutName } = klacht();
      const response = await asAdmin('POST', '/case-types', {
        json: { ...withoutName, key: 'klacht-malformed', confidentiality: 'topgeheim' },
      });
      expect(response.status).toBe(400);
      const problem = (await response.json()) as { code: string; errors: { path: string; code: string }[] };
      expect(problem.code).toBe('case-type.malformed');
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'name', code: 'required' }),
          expect.objectContaining({ path: 'confidentiality', code: 'confidentiality.unknown' }),
        ]),
      );
    });

    it('refuses a key the API uses in its own paths (drafts) with 422', async () => {
      const response = await asAdmin('POST', '/case-types', { json: { ...klacht(), key: 'drafts' } });
      expect(response.status).toBe(422);
      expect(await jsonOf(response)).toMatchObject({ errors: [expect.objectContaining({ path: 'key', code: 'key.reserved' })] });
    });

    it('refuses a YAML file that does not parse with 400 naming the line', async () => {
      const response = await asAdmin('POST', '/case-types/import', { text: 'key: a\nkey: b\n' });
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toMatchObject({
        code: 'case-type.malformed',
        errors: [expect.objectContaining({ code: 'file.syntax', path: expect.stringMatching(/^line \d+/) })],
      });
    });
  });

  describe('who may do what', () => {
    const changing: [string, string, Parameters<typeof call>[3]][] = [
      ['POST', '/case-types', { json: { ...klacht(), key: 'klacht-forbidden' } }],
      ['PUT', '/case-types/drafts/klacht-test', { json: klacht(), headers: { 'if-match': 'W/"x"' } }],
      ['POST', '/case-types/klacht-test/publish', {}],
      ['POST', '/case-types/klacht-test/versions/2/retire', {}],
      ['POST', '/case-types/import', { json: { ...klacht(), key: 'klacht-forbidden' } }],
      ['GET', '/case-types/drafts/klacht-test', {}],
      ['GET', '/case-types/klacht-test/versions/2/export', {}],
    ];
    const nonAdmins: Login[] = ['behandelaar', 'coordinator', 'raadpleger', 'adviseur'];
    const cases = nonAdmins.flatMap((login) =>
      changing.map(([method, path, options]) => [login, method, path, options] as const),
    );

    it.each(cases)('refuses %s on %s %s with 403', async (login, method, path, options) => {
      const response = await call(login, method, path, options);
      expect(response.status).toBe(403);
      expect(await jsonOf(response)).toMatchObject({ code: 'auth.not-allowed' });
    });

    it.each([...changing, ['GET', '/case-types', {}] as const])(
      'answers %s %s without a token with 401',
      async (method, path, options) => {
        expect((await call(null, method, path, options)).status).toBe(401);
      },
    );

    it('lets a coordinator compare versions but not a handler', async () => {
      expect((await call('coordinator', 'GET', '/case-types/klacht-test/diff?from=1&to=2')).status).toBe(200);
      expect((await call('behandelaar', 'GET', '/case-types/klacht-test/diff?from=1&to=2')).status).toBe(403);
    });

    it('lists a type to members of a group with a handler grant, not to others', async () => {
      const keysFor = async (login: Login) =>
        ((await (await call(login, 'GET', '/case-types')).json()) as { items: { key: string }[] }).items.map((i) => i.key);
      expect(await keysFor('behandelaar')).toContain('klacht-test');
      expect(await keysFor('raadpleger')).not.toContain('klacht-test');
      expect(await keysFor('adviseur')).toEqual([]);
    });

    it('lets any signed-in user read a published version', async () => {
      expect((await call('raadpleger', 'GET', '/case-types/klacht-test/versions/2')).status).toBe(200);
    });
  });
});
