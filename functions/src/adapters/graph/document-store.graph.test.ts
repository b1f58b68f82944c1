import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { createGraphDocumentStore } from './document-store.graph';

const kib320 = 320 * 1024;

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Answers the Graph calls of one upload as Graph shapes them. `onFragment` decides per fragment attempt
 * how much of it the "server" keeps and what it answers, to play dropped connections and throttling.
 */
function graphLike(
  onFragment: (
    attempt: number,
    start: number,
    bytes: Buffer,
  ) => { keep: number; status: number; headers?: Record<string, string> },
) {
  const requests: string[] = [];
  let received = Buffer.alloc(0);
  let total = 0;
  let attempt = 0;
  let fieldsStatus = 200;
  let base = '';
  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = decodeURIComponent(req.url ?? '');
      requests.push(`${req.method} ${url}`);
      const body = await bodyOf(req);
      if (url.startsWith('/graph/v1.0/sites/site-1/drives'))
        return send(res, 200, { value: [{ id: 'drive-1', name: 'Documenten' }] });
      if (url === '/graph/v1.0/drives/drive-1/root:/Z-1')
        return send(res, 200, { id: 'folder-1', name: 'Z-1', webUrl: `${base}/Z-1` });
      if (url.endsWith(':/groot.pdf:/createUploadSession'))
        return send(res, 200, { uploadUrl: `${base}/upload/s1`, nextExpectedRanges: ['0-'] });
      if (url === '/upload/s1' && req.method === 'GET') return send(res, 200, { nextExpectedRanges: [`${received.length}-`] });
      if (url === '/upload/s1' && req.method === 'DELETE') return send(res, 204);
      if (url === '/upload/s1' && req.method === 'PUT') {
        const [, start, , size] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'])) ?? [];
        total = Number(size);
        if (Number(start) !== received.length) return send(res, 416, { error: { code: 'invalidRange' } });
        const answer = onFragment(++attempt, Number(start), body);
        received = Buffer.concat([received, body.subarray(0, answer.keep)]);
        if (answer.status !== 202) return send(res, answer.status, { error: { code: 'x' } }, answer.headers);
        if (received.length < total) return send(res, 202, { nextExpectedRanges: [`${received.length}-`] });
        return send(res, 201, {
          id: 'item-1',
          name: 'groot.pdf',
          webUrl: `${base}/Z-1/groot.pdf`,
          size: total,
          publication: { versionId: '1.0' },
        });
      }
      if (url === '/graph/v1.0/drives/drive-1/items/item-1/listItem/fields') return send(res, fieldsStatus, { id: 'item-1' });
      if (url === '/graph/v1.0/drives/drive-1/items/item-1' && req.method === 'DELETE') return send(res, 204);
      send(res, 404, { error: { code: 'itemNotFound', message: url } });
    })();
  });
  return {
    server,
    requests,
    received: () => received,
    setBase: (value: string) => (base = value),
    failFields: () => (fieldsStatus = 500),
  };
}

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function withGraph(
  onFragment: Parameters<typeof graphLike>[0],
  run: (fake: ReturnType<typeof graphLike>, store: ReturnType<typeof createGraphDocumentStore>, waits: number[]) => Promise<void>,
) {
  const fake = graphLike(onFragment);
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  fake.setBase(origin);
  const waits: number[] = [];
  const store = createGraphDocumentStore({
    graphBaseUrl: `${origin}/graph`,
    siteId: 'site-1',
    library: 'Documenten',
    tokens: () => Promise.resolve('token'),
    fragmentBytes: kib320,
    retry: { maxAttempts: 5, maxDelayMs: 60_000, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
  });
  try {
    await run(fake, store, waits);
  } finally {
    await new Promise<void>((resolve) => fake.server.close(() => resolve()));
  }
}

const file = (bytes: Buffer) => ({
  folder: 'Z-1',
  fileName: 'groot.pdf',
  size: bytes.length,
  content: chunksOf(bytes, 100_000),
  fields: { Zaaknummer: 'Z-1' },
});

describe('the Graph document store uploading through a session', () => {
  const bytes = randomBytes(2 * kib320 + 4 * 1024 * 1024 + 100);

  it('resumes a fragment from nextExpectedRanges after the connection broke half-way', async () => {
    // Attempt 2 (the second fragment) keeps only half its bytes and fails like a dropped connection.
    await withGraph(
      (attempt, _start, body) => (attempt === 2 ? { keep: body.length / 2, status: 500 } : { keep: body.length, status: 202 }),
      async (fake, store) => {
        const stored = await store.upload({ kind: 'user', assertion: 'a' }, file(bytes));
        expect(stored).toMatchObject({ itemId: 'item-1', name: 'groot.pdf', versionId: '1.0' });
        expect(fake.received().equals(bytes)).toBe(true);
        const resumed = fake.requests.filter((r) => r === 'GET /upload/s1');
        expect(resumed).toHaveLength(1);
      },
    );
  });

  it('waits as long as Retry-After says when a fragment is throttled, then sends it again', async () => {
    await withGraph(
      (attempt, _start, body) =>
        attempt === 2 ? { keep: 0, status: 429, headers: { 'retry-after': '7' } } : { keep: body.length, status: 202 },
      async (fake, store, waits) => {
        await store.upload({ kind: 'user', assertion: 'a' }, file(bytes));
        expect(waits).toEqual([7000]);
        expect(fake.received().equals(bytes)).toBe(true);
      },
    );
  });

  it('cancels the session and reports SharePoint unavailable when a fragment keeps failing', async () => {
    await withGraph(
      (attempt, _start, body) =>
        attempt >= 2 ? { keep: 0, status: 503, headers: { 'retry-after': '1' } } : { keep: body.length, status: 202 },
      async (fake, store) => {
        await expect(store.upload({ kind: 'user', assertion: 'a' }, file(bytes))).rejects.toMatchObject({
          code: 'documents.unavailable',
        });
        expect(fake.requests).toContain('DELETE /upload/s1');
      },
    );
  });

  it('deletes the file again when its columns cannot be set', async () => {
    await withGraph(
      (_attempt, _start, body) => ({ keep: body.length, status: 202 }),
      async (fake, store) => {
        fake.failFields();
        await expect(store.upload({ kind: 'user', assertion: 'a' }, file(bytes))).rejects.toMatchObject({
          code: 'documents.unavailable',
        });
        expect(fake.requests).toContain('DELETE /graph/v1.0/drives/drive-1/items/item-1');
      },
    );
  });
});
