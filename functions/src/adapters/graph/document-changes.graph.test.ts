import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphDocumentChanges } from './document-changes.graph';

/** A Graph-shaped server for delta, list-item fields and subscriptions; records what it was asked, with which token. */
async function graphLike() {
  const requests: { method: string; url: string; authorization: string; body: string }[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = decodeURIComponent(req.url ?? '');
      requests.push({
        method: req.method ?? '',
        url,
        authorization: String(req.headers.authorization),
        body: Buffer.concat(chunks).toString(),
      });
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (url.startsWith('/graph/v1.0/sites/site-1/drives')) return send(200, { value: [{ id: 'drive-1', name: 'Documenten' }] });
      if (url === '/graph/v1.0/drives/drive-1/root/delta')
        return send(200, {
          value: [
            { id: 'folder-1', name: 'Z-1', folder: { childCount: 1 } },
            { id: 'item-1', name: 'a.docx', file: { mimeType: 'x' } },
            { id: 'item-2', name: 'b.docx', deleted: { state: 'deleted' } },
          ],
          '@odata.nextLink': `${base}/graph/v1.0/drives/drive-1/root/delta?token=page2`,
        });
      if (url === '/graph/v1.0/drives/drive-1/root/delta?token=page2')
        return send(200, { value: [], '@odata.deltaLink': `${base}/graph/v1.0/drives/drive-1/root/delta?token=done` });
      if (url === '/graph/v1.0/drives/drive-1/root/delta?token=old') return send(410, { error: { code: 'resyncRequired' } });
      if (url === '/graph/v1.0/drives/drive-1/items/item-1/listItem/fields') return send(200, { Zaaknummer: 'ZAAK-2026-000001' });
      if (url === '/graph/v1.0/drives/drive-1/items/gone/listItem/fields') return send(404, { error: { code: 'itemNotFound' } });
      if (url === '/graph/v1.0/subscriptions' && req.method === 'POST')
        return send(201, { id: 'sub-1', expirationDateTime: '2026-03-07T12:00:00Z' });
      if (url === '/graph/v1.0/subscriptions/sub-1' && req.method === 'PATCH')
        return send(200, { id: 'sub-1', expirationDateTime: '2026-03-08T12:00:00Z' });
      if (url === '/graph/v1.0/subscriptions/sub-x' && req.method === 'PATCH')
        return send(404, { error: { code: 'ResourceNotFound' } });
      send(404, { error: { code: 'itemNotFound' } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const feed = createGraphDocumentChanges({
    graphBaseUrl: `${base}/graph`,
    siteId: 'site-1',
    library: 'Documenten',
    tokens: (actor) => Promise.resolve(actor.kind === 'app' ? 'app-token' : 'user-token'),
    retry: { maxAttempts: 1, maxDelayMs: 0, sleep: () => Promise.resolve() },
  });
  return { feed, requests, base, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the library change feed through Graph delta', () => {
  let graph: Awaited<ReturnType<typeof graphLike>>;
  beforeEach(async () => {
    graph = await graphLike();
  });
  afterEach(() => graph.close());

  it('reads pages app-only, telling files, folders and deleted items apart, and follows the links it is given', async () => {
    const first = await graph.feed.page(null);
    expect(first).toEqual({
      changes: [
        { itemId: 'folder-1', deleted: false, isFile: false },
        { itemId: 'item-1', deleted: false, isFile: true },
        { itemId: 'item-2', deleted: true, isFile: false },
      ],
      nextLink: `${graph.base}/graph/v1.0/drives/drive-1/root/delta?token=page2`,
      deltaLink: null,
    });
    const second = await graph.feed.page(first === 'resync' ? null : first.nextLink);
    expect(second).toEqual({
      changes: [],
      nextLink: null,
      deltaLink: `${graph.base}/graph/v1.0/drives/drive-1/root/delta?token=done`,
    });
    expect(graph.requests.every((r) => r.authorization === 'Bearer app-token')).toBe(true);
  });

  it('answers resync to a 410 and never sends its token to a link on another host', async () => {
    expect(await graph.feed.page(`${graph.base}/graph/v1.0/drives/drive-1/root/delta?token=old`)).toBe('resync');
    const before = graph.requests.length;
    await expect(graph.feed.page('https://elders.example/graph/v1.0/drives/drive-1/root/delta?token=x')).rejects.toThrow(
      'configured Graph host',
    );
    expect(graph.requests.length).toBe(before);
  });

  it('reads a file’s columns (null when the file is gone) and creates and renews the subscription on the drive root', async () => {
    expect(await graph.feed.fieldsOf('item-1')).toEqual({ Zaaknummer: 'ZAAK-2026-000001' });
    expect(await graph.feed.fieldsOf('gone')).toBeNull();
    const created = await graph.feed.create({
      notificationUrl: 'https://zaakwerk.example/api/v1/graph/notifications',
      clientState: 'geheim',
      expiresAt: '2026-03-07T12:00:00.000Z',
    });
    expect(created).toEqual({ id: 'sub-1', expiresAt: '2026-03-07T12:00:00Z' });
    const post = graph.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      changeType: 'updated',
      notificationUrl: 'https://zaakwerk.example/api/v1/graph/notifications',
      resource: 'drives/drive-1/root',
      expirationDateTime: '2026-03-07T12:00:00.000Z',
      clientState: 'geheim',
    });
    expect(await graph.feed.renew('sub-1', '2026-03-08T12:00:00.000Z')).toEqual({
      id: 'sub-1',
      expiresAt: '2026-03-08T12:00:00Z',
    });
    expect(await graph.feed.renew('sub-x', '2026-03-08T12:00:00.000Z')).toBeNull();
  });
});
