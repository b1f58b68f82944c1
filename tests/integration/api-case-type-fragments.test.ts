import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startLocalApi, type CallOptions, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;
const klacht = (key: string, extraFields: unknown[]): Json => {
  const definition = parse(readFileSync(join(__dirname, '../../functions/case-types/klacht.yaml'), 'utf8')) as Json;
  return { ...definition, key, fields: [...(definition.fields as unknown[]), ...extraFields] };
};

/**
 * Fragments through HTTP: stored as numbered immutable versions, referenced by case types as
 * `{fragment, version}`, inlined at publish time — so a newer fragment version never changes a
 * published case type, and a type picks it up only by pinning it in a new version.
 */
describe('case-type fragments on the local stack', () => {
  let local: LocalApi;
  beforeAll(async () => {
    local = await startLocalApi();
  });
  afterAll(() => local?.stop());

  const asAdmin = (method: string, path: string, options: CallOptions = {}) => local.call('beheerder', method, path, options);
  const jsonOf = async (response: Response) => (await response.json()) as Json;
  const adres = (fields: string[]) => ({
    key: 'adres',
    name: 'Adres',
    kind: 'fields',
    items: fields.map((key) => ({ key, label: key, type: 'text' })),
  });
  const fieldKeys = (version: Json) => (version.fields as { key: string }[]).map((field) => field.key);

  it('stores each POST as the next version of the fragment', async () => {
    const first = await asAdmin('POST', '/case-types/fragments', { json: adres(['straat']) });
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe('/api/v1/case-types/fragments/adres/versions/1');
    expect(await jsonOf(first)).toMatchObject({ key: 'adres', version: 1, kind: 'fields' });
    const second = await asAdmin('POST', '/case-types/fragments', { json: adres(['straat', 'huisnummer']) });
    expect((await jsonOf(second)).version).toBe(2);

    const list = await jsonOf(await asAdmin('GET', '/case-types/fragments'));
    expect(list).toEqual({
      items: [
        { key: 'adres', version: 1, name: 'Adres', kind: 'fields', items: 1 },
        { key: 'adres', version: 2, name: 'Adres', kind: 'fields', items: 2 },
      ],
      nextCursor: null,
    });
    const one = await asAdmin('GET', '/case-types/fragments/adres/versions/1');
    expect(((await jsonOf(one)).items as Json[]).map((item) => item.key)).toEqual(['straat']);
    expect((await asAdmin('GET', '/case-types/fragments/adres/versions/9')).status).toBe(404);
  });

  it('pins the version a case type names: a newer fragment version does not change it', async () => {
    expect(
      (await asAdmin('POST', '/case-types', { json: klacht('melding-a', [{ fragment: 'adres', version: 1 }]) })).status,
    ).toBe(201);
    const published = await asAdmin('POST', '/case-types/melding-a/publish');
    expect(published.status).toBe(201);
    const v1 = await jsonOf(published);
    expect(fieldKeys(v1)).toContain('straat');
    expect(fieldKeys(v1)).not.toContain('huisnummer');
    expect((v1.fields as Json[]).find((field) => field.key === 'straat')).toMatchObject({
      fromFragment: { key: 'adres', version: 1 },
    });

    // A third fragment version later: the published type stays exactly as it was.
    expect((await asAdmin('POST', '/case-types/fragments', { json: adres(['straat', 'huisnummer', 'postcode']) })).status).toBe(
      201,
    );
    const again = await jsonOf(await asAdmin('GET', '/case-types/melding-a/versions/1'));
    expect(again).toEqual(v1);

    // A new version of the type takes the newer fragment only by naming it (in its draft, which publishing kept).
    const etag = (await asAdmin('GET', '/case-types/drafts/melding-a')).headers.get('etag') ?? '';
    const draft = await asAdmin('PUT', '/case-types/drafts/melding-a', {
      json: klacht('melding-a', [{ fragment: 'adres', version: 3 }]),
      headers: { 'if-match': etag },
    });
    expect(draft.status).toBe(200);
    const v2 = await jsonOf(await asAdmin('POST', '/case-types/melding-a/publish'));
    expect(fieldKeys(v2)).toEqual(expect.arrayContaining(['straat', 'huisnummer', 'postcode']));
  });

  it('refuses a reference to a fragment version that does not exist when the draft is saved', async () => {
    const response = await asAdmin('POST', '/case-types', { json: klacht('melding-b', [{ fragment: 'adres', version: 7 }]) });
    expect(response.status).toBe(422);
  });

  it('refuses duplicate item keys (422), malformed fragments (400) and non-administrators (403)', async () => {
    const duplicate = await asAdmin('POST', '/case-types/fragments', { json: adres(['straat', 'straat']) });
    expect(duplicate.status).toBe(422);
    expect(((await jsonOf(duplicate)).errors as Json[])[0]).toMatchObject({
      path: 'items[1].key',
      code: 'definition.duplicate-key',
    });
    const malformed = await asAdmin('POST', '/case-types/fragments', {
      json: { key: 'leeg', name: 'Leeg', kind: 'fields', items: [] },
    });
    expect(malformed.status).toBe(400);
    for (const login of ['behandelaar', 'coordinator'] as const) {
      expect((await local.call(login, 'POST', '/case-types/fragments', { json: adres(['x']) })).status).toBe(403);
      expect((await local.call(login, 'GET', '/case-types/fragments')).status).toBe(403);
    }
  });

  it('stores one version for a retried POST with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'fragment-checklist-1' };
    const checklist = {
      key: 'ontvangst',
      name: 'Ontvangst',
      kind: 'checklist',
      items: [{ key: 'bevestigd', label: 'Bevestigd' }],
    };
    const first = await asAdmin('POST', '/case-types/fragments', { json: checklist, headers });
    const retry = await asAdmin('POST', '/case-types/fragments', { json: checklist, headers });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await jsonOf(retry)).toEqual(await jsonOf(first));
    const list = await jsonOf(await asAdmin('GET', '/case-types/fragments'));
    expect((list.items as Json[]).filter((item) => item.key === 'ontvangst')).toHaveLength(1);
  });
});
