import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoTenant, passwordGrantToken, startM365TestStack, type M365TestStack } from '../../infra/local/src/m365';

jest.setTimeout(90_000);

const { driveId } = demoTenant.sharePoint;
const scopes = 'User.Read Files.ReadWrite.All';
const kib320 = 320 * 1024;

let stack: M365TestStack;
let sanne: string;
let pieter: string;
beforeAll(async () => {
  stack = await startM365TestStack();
  sanne = await passwordGrantToken(stack.m365, 'behandelaar', 'dev', scopes);
  pieter = await passwordGrantToken(stack.m365, 'behandelaar2', 'dev', scopes);
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(async () => {
  await fetch(`${stack.m365.url}/_local/faults`, { method: 'DELETE' });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function graph(token: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${stack.m365.graphBaseUrl}/v1.0/drives/${driveId}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'manual',
  });
}

async function putFile(token: string, path: string, bytes: Buffer): Promise<{ id: string; eTag: string }> {
  const response = await fetch(`${stack.m365.graphBaseUrl}/v1.0/drives/${driveId}/root:${path}:/content`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect([200, 201]).toContain(response.status);
  return (await response.json()) as { id: string; eTag: string };
}

/** Follows the 302 of a content request to the pre-authenticated download URL. */
async function download(token: string, path: string): Promise<Buffer> {
  const redirect = await graph(token, 'GET', path);
  expect(redirect.status).toBe(302);
  const file = await fetch(redirect.headers.get('location') ?? '');
  expect(file.status).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

async function fragment(uploadUrl: string, bytes: Buffer, start: number, end: number): Promise<Response> {
  return fetch(uploadUrl, {
    method: 'PUT',
    headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': String(end - start + 1) },
    body: new Uint8Array(bytes.subarray(start, end + 1)),
  });
}

describe('upload sessions in the local Graph', () => {
  it('takes a file in 320 KiB-multiple fragments, reports the next expected range, and commits on the last byte', async () => {
    const bytes = randomBytes(2 * kib320 + 1000);
    const created = await graph(sanne, 'POST', '/root:/Sessies/groot.pdf:/createUploadSession', {
      item: { '@microsoft.graph.conflictBehavior': 'rename' },
    });
    expect(created.status).toBe(200);
    const session = (await created.json()) as { uploadUrl: string; nextExpectedRanges: string[] };
    expect(session.nextExpectedRanges).toEqual(['0-']);

    const first = await fragment(session.uploadUrl, bytes, 0, kib320 - 1);
    expect(first.status).toBe(202);
    expect(((await first.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges).toEqual([
      `${kib320}-${bytes.length - 1}`,
    ]);
    const status = (await (await fetch(session.uploadUrl)).json()) as { nextExpectedRanges: string[] };
    expect(status.nextExpectedRanges).toEqual([`${kib320}-${bytes.length - 1}`]);

    const done = await fragment(session.uploadUrl, bytes, kib320, bytes.length - 1);
    expect(done.status).toBe(201);
    const item = (await done.json()) as { id: string; size: number; file: { hashes: { sha256Hash: string } } };
    expect(item.size).toBe(bytes.length);
    expect(item.file.hashes.sha256Hash.toLowerCase()).toBe(sha256(bytes));
    expect(sha256(await download(sanne, `/items/${item.id}/content`))).toBe(sha256(bytes));
    expect((await fetch(session.uploadUrl)).status).toBe(404);
  });

  it('refuses a fragment that is not a multiple of 320 KiB (400) and one that skips ahead (416)', async () => {
    const bytes = randomBytes(2 * kib320);
    const created = await graph(sanne, 'POST', '/root:/Sessies/fout.pdf:/createUploadSession');
    const { uploadUrl } = (await created.json()) as { uploadUrl: string };
    const uneven = await fragment(uploadUrl, bytes, 0, 1000);
    expect(uneven.status).toBe(400);
    expect(((await uneven.json()) as { error: { code: string } }).error.code).toBe('invalidRequest');
    const ahead = await fragment(uploadUrl, bytes, kib320, 2 * kib320 - 1);
    expect(ahead.status).toBe(416);
    expect(((await ahead.json()) as { error: { code: string } }).error.code).toBe('invalidRange');
    expect((await fetch(uploadUrl, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(uploadUrl)).status).toBe(404);
  });

  it('fails a fragment with an injected 429 and Retry-After; the same fragment succeeds when sent again', async () => {
    const bytes = randomBytes(kib320 + 10);
    const created = await graph(sanne, 'POST', '/root:/Sessies/druk.pdf:/createUploadSession');
    const { uploadUrl } = (await created.json()) as { uploadUrl: string };
    await fetch(`${stack.m365.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, retryAfterSeconds: 2, count: 1, pathPrefix: '/_api/v2.0/uploadSession' }),
    });
    const throttled = await fragment(uploadUrl, bytes, 0, kib320 - 1);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect((await fragment(uploadUrl, bytes, 0, kib320 - 1)).status).toBe(202);
    expect((await fragment(uploadUrl, bytes, kib320, bytes.length - 1)).status).toBe(201);
  });
});

describe('versions, list item fields and check-out in the local Graph', () => {
  it('keeps every content version, serves each version, and restores an old one as a new current version', async () => {
    const v1 = Buffer.from('eerste versie');
    const v2 = Buffer.from('tweede versie, langer');
    const { id } = await putFile(sanne, '/Versies/brief.docx', v1);
    await putFile(sanne, '/Versies/brief.docx', v2);

    const list = (await (await graph(sanne, 'GET', `/items/${id}/versions`)).json()) as {
      value: { id: string; size: number }[];
    };
    expect(list.value.map((v) => [v.id, v.size])).toEqual([
      ['2.0', v2.length],
      ['1.0', v1.length],
    ]);
    expect(await download(sanne, `/items/${id}/versions/1.0/content`)).toEqual(v1);

    expect((await graph(sanne, 'POST', `/items/${id}/versions/1.0/restoreVersion`)).status).toBe(204);
    const after = (await (await graph(sanne, 'GET', `/items/${id}/versions`)).json()) as { value: { id: string }[] };
    expect(after.value.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(await download(sanne, `/items/${id}/content`)).toEqual(v1);
    expect((await graph(sanne, 'GET', `/items/${id}/versions/9.0`)).status).toBe(404);
  });

  it('sets list item fields with PATCH and returns them with $expand=fields', async () => {
    const { id, eTag } = await putFile(sanne, '/Velden/aanvraag.pdf', Buffer.from('%PDF-1.7'));
    const patched = await graph(sanne, 'PATCH', `/items/${id}/listItem/fields`, { ZaakNummer: 'OMG-2026-000001', Pagina: 3 });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ ZaakNummer: 'OMG-2026-000001', Pagina: 3 });
    const listItem = (await (await graph(sanne, 'GET', `/items/${id}/listItem?$expand=fields`)).json()) as {
      fields: Record<string, unknown>;
    };
    expect(listItem.fields).toMatchObject({ ZaakNummer: 'OMG-2026-000001', Pagina: 3 });
    const item = (await (await graph(sanne, 'GET', `/items/${id}`)).json()) as { eTag: string };
    expect(item.eTag).not.toBe(eTag);
    const bad = await graph(sanne, 'PATCH', `/items/${id}/listItem/fields`, { 'Zaak nummer': 'x' });
    expect(bad.status).toBe(400);
  });

  it("locks a checked-out file against others' writes (423) until it is checked in", async () => {
    const { id } = await putFile(sanne, '/Uitcheck/besluit.docx', Buffer.from('concept'));
    expect((await graph(sanne, 'POST', `/items/${id}/checkout`)).status).toBe(204);
    const item = (await (await graph(pieter, 'GET', `/items/${id}`)).json()) as { publication: { level: string } };
    expect(item.publication.level).toBe('checkout');
    const refused = await fetch(`${stack.m365.graphBaseUrl}/v1.0/drives/${driveId}/items/${id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${pieter}` },
      body: 'van Pieter',
    });
    expect(refused.status).toBe(423);
    expect((await graph(pieter, 'POST', `/items/${id}/checkin`, { comment: 'niet van mij' })).status).toBe(423);
    expect((await graph(sanne, 'POST', `/items/${id}/checkin`, { comment: 'klaar' })).status).toBe(204);
    await putFile(pieter, '/Uitcheck/besluit.docx', Buffer.from('van Pieter'));
  });

  it('shares a file by invitation with an external address, lists the permission and revokes it', async () => {
    const { id } = await putFile(sanne, '/Delen/advies.pdf', Buffer.from('%PDF advies'));
    const invited = await graph(sanne, 'POST', `/items/${id}/invite`, {
      recipients: [{ email: 'Partner@Example.nl' }],
      roles: ['read'],
      requireSignIn: true,
      sendInvitation: false,
      expirationDateTime: '2026-12-31T23:00:00Z',
    });
    expect(invited.status).toBe(200);
    const [permission] = ((await invited.json()) as { value: Record<string, unknown>[] }).value;
    expect(permission).toMatchObject({
      roles: ['read'],
      grantedToV2: { user: { email: 'partner@example.nl' } },
      invitation: { email: 'partner@example.nl', signInRequired: true },
      expirationDateTime: '2026-12-31T23:00:00.000Z',
    });
    const listed = (await (await graph(sanne, 'GET', `/items/${id}/permissions`)).json()) as { value: { id: string }[] };
    expect(listed.value.map((p) => p.id)).toEqual([permission?.id]);
    expect((await graph(sanne, 'DELETE', `/items/${id}/permissions/${String(permission?.id)}`)).status).toBe(204);
    expect(((await (await graph(sanne, 'GET', `/items/${id}/permissions`)).json()) as { value: unknown[] }).value).toEqual([]);
    expect(
      (await graph(sanne, 'POST', `/items/${id}/invite`, { recipients: [{ email: 'geen-adres' }], roles: ['read'] })).status,
    ).toBe(400);
  });
});

describe('delta of the drive', () => {
  type DeltaPage = {
    value: {
      id: string;
      name?: string;
      deleted?: { state: string };
      file?: unknown;
      lastModifiedBy?: { user?: { displayName?: string } };
    }[];
    '@odata.nextLink'?: string;
    '@odata.deltaLink'?: string;
  };
  const follow = async (token: string, link: string): Promise<DeltaPage> => {
    const response = await fetch(link, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return (await response.json()) as DeltaPage;
  };

  it('enumerates the drive, then gives only what changed since, each item once, deleted ones with the deleted facet', async () => {
    const first = await putFile(sanne, '/Delta/eerste.txt', Buffer.from('een'));
    const full = (await (await graph(sanne, 'GET', '/root/delta')).json()) as DeltaPage;
    expect(full.value.map((i) => i.id)).toContain(first.id);
    expect(full['@odata.nextLink']).toBeUndefined();
    const since = String(full['@odata.deltaLink']);

    expect((await follow(sanne, since)).value).toEqual([]);
    const second = await putFile(pieter, '/Delta/tweede.txt', Buffer.from('twee'));
    await putFile(pieter, '/Delta/eerste.txt', Buffer.from('een, aangepast'));
    await putFile(pieter, '/Delta/eerste.txt', Buffer.from('een, nog eens aangepast'));
    expect((await graph(sanne, 'DELETE', `/items/${second.id}`)).status).toBe(204);

    const changes = await follow(sanne, since);
    const byId = new Map(changes.value.map((i) => [i.id, i]));
    expect(changes.value.filter((i) => i.id === first.id)).toHaveLength(1);
    expect(byId.get(first.id)).toMatchObject({
      name: 'eerste.txt',
      file: expect.anything(),
      lastModifiedBy: { user: { displayName: 'Daan Bakker' } },
    });
    expect(byId.get(second.id)).toMatchObject({ deleted: { state: 'deleted' } });
    // The same link again gives the same changes (a replay); the new deltaLink gives nothing.
    expect((await follow(sanne, since)).value.map((i) => i.id).sort()).toEqual(changes.value.map((i) => i.id).sort());
    expect((await follow(sanne, String(changes['@odata.deltaLink']))).value).toEqual([]);
  });

  it('pages with $top through nextLink, starts from now with token=latest, and answers 410 to a token it never gave', async () => {
    const latest = (await (await graph(sanne, 'GET', '/root/delta?token=latest')).json()) as DeltaPage;
    expect(latest.value).toEqual([]);
    for (const n of [1, 2, 3]) await putFile(sanne, `/Delta/pagina-${n}.txt`, Buffer.from(`pagina ${n}`));
    const link = new URL(String(latest['@odata.deltaLink']));
    link.searchParams.set('$top', '2');
    const page1 = await follow(sanne, link.toString());
    expect(page1['@odata.nextLink']).toBeDefined();
    const seen = page1.value.map((i) => i.name);
    let next: DeltaPage = page1;
    while (next['@odata.nextLink']) {
      next = await follow(sanne, next['@odata.nextLink']);
      seen.push(...next.value.map((i) => i.name));
    }
    expect(next['@odata.deltaLink']).toBeDefined();
    expect(seen.filter((name) => name?.startsWith('pagina-')).sort()).toEqual(['pagina-1.txt', 'pagina-2.txt', 'pagina-3.txt']);
    const gone = await graph(sanne, 'GET', '/root/delta?token=bm90LWEtdG9rZW4');
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('resyncRequired');
  });

  /** A webhook receiver on this machine: answers Graph's handshake (except on /wrong) and keeps what arrives. */
  async function receiver(): Promise<{
    url: string;
    received: { path: string; body: Record<string, unknown> }[];
    close(): void;
  }> {
    const received: { path: string; body: Record<string, unknown> }[] = [];
    const server: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const token = url.searchParams.get('validationToken');
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (token !== null) {
          res.writeHead(200, { 'content-type': 'text/plain' }).end(url.pathname === '/wrong' ? 'iets anders' : token);
          return;
        }
        received.push({
          path: url.pathname,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
        });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, close: () => server.close() };
  }

  it('validates a lifecycleNotificationUrl like the notification URL and sends lifecycle events through /_local', async () => {
    const hook = await receiver();
    try {
      const subscriptions = `${stack.m365.graphBaseUrl}/v1.0/subscriptions`;
      const headers = { authorization: `Bearer ${sanne}`, 'content-type': 'application/json' };
      const expirationDateTime = new Date(Date.now() + 60 * 60_000).toISOString();
      const subscribe = (extra: Record<string, unknown>) =>
        fetch(subscriptions, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            changeType: 'updated',
            resource: `drives/${driveId}/root`,
            notificationUrl: `${hook.url}/notify`,
            clientState: 'geheim',
            expirationDateTime,
            ...extra,
          }),
        });
      expect((await subscribe({ lifecycleNotificationUrl: 'ftp://example.org/lifecycle' })).status).toBe(400);
      const failedHandshake = await subscribe({ lifecycleNotificationUrl: `${hook.url}/wrong` });
      expect(failedHandshake.status).toBe(400);
      expect(((await failedHandshake.json()) as { error: { code: string } }).error.code).toBe('ValidationError');

      const created = await subscribe({ lifecycleNotificationUrl: `${hook.url}/lifecycle` });
      expect(created.status).toBe(201);
      const subscription = (await created.json()) as { id: string; lifecycleNotificationUrl: string };
      expect(subscription.lifecycleNotificationUrl).toBe(`${hook.url}/lifecycle`);
      const withoutLifecycle = (await (await subscribe({})).json()) as { id: string };
      const send = (id: string, lifecycleEvent: string) =>
        fetch(`${stack.m365.url}/_local/graph/subscriptions/${id}/lifecycle`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ lifecycleEvent }),
        });
      expect((await send(subscription.id, 'somethingNew')).status).toBe(400);
      expect((await send('onbekend', 'missed')).status).toBe(404);
      expect((await send(withoutLifecycle.id, 'missed')).status).toBe(409);

      expect((await send(subscription.id, 'missed')).status).toBe(200);
      expect(hook.received.filter((r) => r.path === '/lifecycle').map((r) => r.body)).toEqual([
        {
          value: [
            {
              lifecycleEvent: 'missed',
              subscriptionId: subscription.id,
              subscriptionExpirationDateTime: expirationDateTime,
              clientState: 'geheim',
              tenantId: demoTenant.tenantId,
            },
          ],
        },
      ]);

      // reauthorizationRequired holds change notifications back until POST …/reauthorize.
      const notified = () =>
        hook.received.filter(
          (r) => r.path === '/notify' && (r.body.value as { subscriptionId: string }[])[0]?.subscriptionId === subscription.id,
        ).length;
      expect((await send(subscription.id, 'reauthorizationRequired')).status).toBe(200);
      const paused = (await (await fetch(`${subscriptions}/${subscription.id}`, { headers })).json()) as Record<string, unknown>;
      expect(paused.reauthorizationRequired).toBe(true);
      // A delivery already under way for an earlier change (another test's file, debounced 200 ms) may still
      // land: let it, then count only what the change made during the pause would add.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const beforePause = notified();
      await putFile(sanne, '/Lifecycle/tijdens-pauze.txt', Buffer.from('gepauzeerd'));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(notified()).toBe(beforePause);
      expect((await fetch(`${subscriptions}/${subscription.id}/reauthorize`, { method: 'POST', headers })).status).toBe(204);
      await putFile(sanne, '/Lifecycle/na-pauze.txt', Buffer.from('weer actief'));
      const deadline = Date.now() + 10_000;
      while (notified() === beforePause && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(notified()).toBeGreaterThan(beforePause);

      // subscriptionRemoved: the subscription is gone by the time the event arrives.
      expect((await send(subscription.id, 'subscriptionRemoved')).status).toBe(200);
      expect((await fetch(`${subscriptions}/${subscription.id}`, { headers })).status).toBe(404);
      expect(
        hook.received
          .filter((r) => r.path === '/lifecycle')
          .map((r) => (r.body.value as { lifecycleEvent: string }[])[0]?.lifecycleEvent),
      ).toEqual(['missed', 'reauthorizationRequired', 'subscriptionRemoved']);
      await fetch(`${subscriptions}/${withoutLifecycle.id}`, { method: 'DELETE', headers });
    } finally {
      hook.close();
    }
  });
});
