import { createHash, randomBytes } from 'node:crypto';
import { startLocalApi, type LocalApi } from './support/local-api';

jest.setTimeout(180_000);

const mib = 1024 * 1024;
const pdf = 'application/pdf';
const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const uploadSessionPath = '/_api/v2.0/uploadSession/';

type Interruption = 'after-server-received' | 'before-server-received';

/**
 * A connection that breaks while a fragment is under way, as a flaky network does. This is a test-only
 * fault at the network edge of this process (the API runs in it through the local Functions host): the
 * n-th fragment PUT to an upload URL either reaches the local SharePoint and its answer is lost, or never
 * reaches it; the API sees "fetch failed" either way. Nothing in the API or the local Microsoft 365 knows
 * about it. Every request to the upload URL is logged so the test can see how the API resumed.
 */
function interruptFragment(fragment: number, how: Interruption) {
  const realFetch = globalThis.fetch;
  const calls: { method: string; range: string | null; dropped: boolean }[] = [];
  let fragments = 0;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes(uploadSessionPath)) return realFetch(input, init);
    const method = init?.method ?? 'GET';
    const range = new Headers(init?.headers).get('content-range');
    if (method !== 'PUT') {
      calls.push({ method, range, dropped: false });
      return realFetch(input, init);
    }
    fragments += 1;
    const drop = fragments === fragment;
    calls.push({ method, range, dropped: drop });
    if (drop && how === 'before-server-received') throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    const response = await realFetch(input, init);
    if (!drop) return response;
    await response.arrayBuffer();
    throw new TypeError('fetch failed', { cause: new Error('other side closed') });
  };
  return { calls, restore: () => (globalThis.fetch = realFetch) };
}

/** Issue 7 must-show: a large upload through a session, interrupted mid-way, resumes from nextExpectedRanges. */
describe('a large upload interrupted mid-way', () => {
  let local: LocalApi;
  let caseId = '';

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title: 'Loods Havenweg 2', receivedOn: '2026-03-02', fields: {} },
    });
    expect(registered.status).toBe(201);
    caseId = String(((await registered.json()) as { id: string }).id);
  });
  afterAll(() => local?.stop());

  const upload = async (bytes: Buffer, fileName: string) =>
    fetch(`${local.api}/cases/${caseId}/documents?fileName=${encodeURIComponent(fileName)}&documentType=tekening`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await local.tokenFor('behandelaar')}`, 'content-type': pdf },
      body: new Uint8Array(bytes),
    });
  const downloaded = async (documentId: string) => {
    const response = await local.call('behandelaar', 'GET', `/cases/${caseId}/documents/${documentId}/content`);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('asks the session where it stands when the answer to fragment 2 is lost, and goes on from there without resending it', async () => {
    // 12 MiB + a bit: four fragments of 10 × 320 KiB, the last one shorter.
    const bytes = randomBytes(12 * mib + 4321);
    const fault = interruptFragment(2, 'after-server-received');
    let response: Response;
    try {
      response = await upload(bytes, 'Plattegrond groot.pdf');
    } finally {
      fault.restore();
    }
    expect(response.status).toBe(201);
    const puts = fault.calls.filter((c) => c.method === 'PUT').map((c) => c.range);
    const fragmentBytes = 10 * 320 * 1024;
    expect(puts).toEqual([
      `bytes 0-${fragmentBytes - 1}/${bytes.length}`,
      `bytes ${fragmentBytes}-${2 * fragmentBytes - 1}/${bytes.length}`,
      `bytes ${2 * fragmentBytes}-${3 * fragmentBytes - 1}/${bytes.length}`,
      `bytes ${3 * fragmentBytes}-${bytes.length - 1}/${bytes.length}`,
    ]);
    // After the lost answer the API read nextExpectedRanges (GET on the upload URL).
    expect(fault.calls.map((c) => c.method)).toEqual(['PUT', 'PUT', 'GET', 'PUT', 'PUT']);
    const document = (await response.json()) as { id: string; versions: { sha256: string; size: number }[] };
    expect(document.versions[0]).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    expect(sha256(await downloaded(document.id))).toBe(sha256(bytes));
  });

  it('recognises the file SharePoint committed when the answer to the last fragment is lost, and records it once', async () => {
    const bytes = randomBytes(5 * mib + 999);
    const fault = interruptFragment(2, 'after-server-received');
    let response: Response;
    try {
      response = await upload(bytes, 'Gevel groot.pdf');
    } finally {
      fault.restore();
    }
    expect(response.status).toBe(201);
    // The session is gone once the file is committed: the status request finds nothing to resume.
    expect(fault.calls.map((c) => [c.method, c.dropped])).toEqual([
      ['PUT', false],
      ['PUT', true],
      ['GET', false],
    ]);
    const document = (await response.json()) as { id: string; fileName: string; versions: { sha256: string }[] };
    expect(document.fileName).toBe('Gevel groot.pdf');
    expect(document.versions[0]?.sha256).toBe(sha256(bytes));
    expect(sha256(await downloaded(document.id))).toBe(sha256(bytes));
    const listed = (await (await local.call('behandelaar', 'GET', `/cases/${caseId}/documents`)).json()) as {
      items: { fileName: string }[];
    };
    expect(listed.items.filter((d) => d.fileName.startsWith('Gevel groot'))).toHaveLength(1);
  });

  it('resends a fragment the session never received, from the start the session names', async () => {
    const bytes = randomBytes(9 * mib + 77);
    const fault = interruptFragment(3, 'before-server-received');
    let response: Response;
    try {
      response = await upload(bytes, 'Doorsnede groot.pdf');
    } finally {
      fault.restore();
    }
    expect(response.status).toBe(201);
    const fragmentBytes = 10 * 320 * 1024;
    const last = `bytes ${2 * fragmentBytes}-${bytes.length - 1}/${bytes.length}`;
    expect(fault.calls.map((c) => [c.method, c.range, c.dropped])).toEqual([
      ['PUT', `bytes 0-${fragmentBytes - 1}/${bytes.length}`, false],
      ['PUT', `bytes ${fragmentBytes}-${2 * fragmentBytes - 1}/${bytes.length}`, false],
      ['PUT', last, true],
      ['GET', null, false],
      ['PUT', last, false],
    ]);
    const document = (await response.json()) as { id: string };
    expect(sha256(await downloaded(document.id))).toBe(sha256(bytes));
  });
});
