import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startLocalApi, type CallOptions, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;
const klacht = (key: string): Json => ({
  ...(parse(readFileSync(join(__dirname, '../../functions/case-types/klacht.yaml'), 'utf8')) as Json),
  key,
});

/**
 * Retries and paging of the case-type API on the local stack: the changing POSTs (create draft,
 * import, publish) take an Idempotency-Key, so a retry after a lost answer gets the first answer instead
 * of a 409 or a second version; GET /case-types and the version list page with limit and cursor.
 */
describe('case-type retries and paging on the local stack', () => {
  let local: LocalApi;
  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  const asAdmin = (method: string, path: string, options: CallOptions = {}) => local.call('beheerder', method, path, options);
  const jsonOf = async (response: Response) => (await response.json()) as Json;

  it('replays a retried draft creation with the first answer; another body under the key is 422', async () => {
    const headers = { 'idempotency-key': 'draft-klacht-a' };
    const first = await asAdmin('POST', '/case-types', { json: klacht('klacht-a'), headers });
    expect(first.status).toBe(201);
    const firstBody = await jsonOf(first);
    const retry = await asAdmin('POST', '/case-types', { json: klacht('klacht-a'), headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('location')).toBe('/api/v1/case-types/drafts/klacht-a');
    expect(await jsonOf(retry)).toEqual(firstBody);
    // Without the key the same request is a conflict: the draft exists.
    expect((await asAdmin('POST', '/case-types', { json: klacht('klacht-a') })).status).toBe(409);
    const other = await asAdmin('POST', '/case-types', { json: klacht('klacht-b'), headers });
    expect(other.status).toBe(422);
    expect(await jsonOf(other)).toMatchObject({ code: 'request.idempotency-key-reused' });
  });

  it('publishes once for a retried publish: the retry gets version 1 again, not a 409 or version 2', async () => {
    const headers = { 'idempotency-key': 'publish-klacht-a-1' };
    const first = await asAdmin('POST', '/case-types/klacht-a/publish', { headers });
    expect(first.status).toBe(201);
    const retry = await asAdmin('POST', '/case-types/klacht-a/publish', { headers });
    expect(retry.status).toBe(201);
    expect(await jsonOf(retry)).toEqual(await jsonOf(first));
    const versions = await jsonOf(await asAdmin('GET', '/case-types/klacht-a/versions'));
    expect((versions.items as Json[]).map((v) => v.version)).toEqual([1]);
  });

  it('replays a retried import, and keeps keys apart per user', async () => {
    const headers = { 'idempotency-key': 'import-1' };
    const first = await asAdmin('POST', '/case-types/import', { json: klacht('klacht-c'), headers });
    expect(first.status).toBe(201);
    const retry = await asAdmin('POST', '/case-types/import', { json: klacht('klacht-c'), headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    // The coordinator's key of the same name is theirs; they are simply not allowed to import.
    expect((await local.call('coordinator', 'POST', '/case-types/import', { json: klacht('klacht-c'), headers })).status).toBe(
      403,
    );
  });

  it('forgets the key of a refused request, so the corrected retry with that key runs', async () => {
    const headers = { 'idempotency-key': 'draft-fout' };
    const refused = await asAdmin('POST', '/case-types', { json: { ...klacht('klacht-d'), phases: [] }, headers });
    expect([400, 422]).toContain(refused.status);
    const corrected = await asAdmin('POST', '/case-types', { json: klacht('klacht-d'), headers });
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key that is empty or not visible ASCII with 400, as registration does', async () => {
    const emptyKey = await asAdmin('POST', '/case-types', { json: klacht('klacht-e'), headers: { 'idempotency-key': '' } });
    expect(emptyKey.status).toBe(400);
    const badKey = await asAdmin('POST', '/case-types', {
      json: klacht('klacht-f'),
      headers: { 'idempotency-key': 'sleutel met spaties' },
    });
    expect(badKey.status).toBe(400);
  });

  it('pages GET /case-types by key with limit and cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await asAdmin('GET', `/case-types?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      const page = await jsonOf(response);
      const items = page.items as Json[];
      expect(items.length).toBeLessThanOrEqual(2);
      seen.push(...items.map((item) => String(item.key)));
      cursor = page.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 10);
    // The four shipped types and klacht-a (published above); drafts are not listed.
    expect(seen).toEqual(['klacht', 'klacht-a', 'omgevingsvergunning', 'storingsonderhoud-netwerk', 'subsidieaanvraag']);
    expect(pages).toBe(3);
    expect((await asAdmin('GET', '/case-types?cursor=niet-van-ons!')).status).toBe(400);
    expect((await asAdmin('GET', '/case-types?limit=0')).status).toBe(400);
  });

  it('pages the versions of a type lowest first', async () => {
    const draft = await asAdmin('POST', '/case-types/import', {
      json: klacht('klacht-a'),
      headers: { 'if-match': '*' },
    });
    expect([200, 201]).toContain(draft.status);
    expect((await asAdmin('POST', '/case-types/klacht-a/publish')).status).toBe(201);
    const first = await jsonOf(await asAdmin('GET', '/case-types/klacht-a/versions?limit=1'));
    expect((first.items as Json[]).map((v) => v.version)).toEqual([1]);
    const second = await jsonOf(await asAdmin('GET', `/case-types/klacht-a/versions?limit=1&cursor=${String(first.nextCursor)}`));
    expect((second.items as Json[]).map((v) => v.version)).toEqual([2]);
    expect(second.nextCursor).toBeNull();
  });
});
