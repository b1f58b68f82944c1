import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiProblemError, ApiUnavailableError, createApiClient } from './api-client';

const sanne = 'b0000001-5a1e-4d2c-9f00-000000000001';

interface Answer {
  status: number;
  contentType?: string;
  body: string;
}

/** An HTTP server standing in for the API: answers with what the test sets and records each request. */
async function startApiStub() {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  let answer: Answer = { status: 200, body: '{}' };
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    answer: (a: Answer) => (answer = a),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const me = {
  id: sanne,
  name: 'Sanne de Vries',
  upn: 'behandelaar@zaakwerk.test',
  email: 'behandelaar@zaakwerk.test',
  tenantId: '5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31',
  roles: [],
  groups: [],
  via: 'bot',
  caseTypes: [],
};

describe('the API client', () => {
  let stub: Awaited<ReturnType<typeof startApiStub>>;
  beforeEach(async () => (stub = await startApiStub()));
  afterEach(() => stub.close());
  const client = (token = async () => 'app-token') => createApiClient({ baseUrl: stub.baseUrl, token, timeoutMs: 2000 });

  it("calls GET /me with the bot's token and the acting user's object id", async () => {
    stub.answer({ status: 200, body: JSON.stringify(me) });
    await expect(client().getMe(sanne)).resolves.toMatchObject({ name: 'Sanne de Vries', via: 'bot' });
    expect(stub.requests[0]?.url).toBe('/api/v1/me');
    expect(stub.requests[0]?.headers).toMatchObject({ authorization: 'Bearer app-token', 'x-zaakwerk-acting-user': sanne });
  });

  it('asks for the own work queue with limit and cursor', async () => {
    stub.answer({ status: 200, body: JSON.stringify({ items: [], nextCursor: null }) });
    await expect(client().listMyCases(sanne, { limit: 200, cursor: 'abc=' })).resolves.toEqual({ items: [], nextCursor: null });
    expect(stub.requests[0]?.url).toBe('/api/v1/cases?queue=mine&limit=200&cursor=abc%3D');
  });

  it('turns a problem+json answer into an ApiProblemError with its stable code', async () => {
    stub.answer({
      status: 403,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'urn:zaakwerk:problem:auth.acting-user-unknown',
        title: 'Forbidden',
        status: 403,
        code: 'auth.acting-user-unknown',
      }),
    });
    const error = await client()
      .getMe(sanne)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect((error as ApiProblemError).problem).toMatchObject({ status: 403, code: 'auth.acting-user-unknown' });
  });

  it('gives an error that is not problem+json a code from its status', async () => {
    stub.answer({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' });
    const error = await client()
      .getMe(sanne)
      .catch((e: unknown) => e);
    expect((error as ApiProblemError).problem).toMatchObject({ status: 502, code: 'http.502' });
  });

  it('reports an answer that does not match the contract as unavailable, not as data', async () => {
    stub.answer({ status: 200, body: JSON.stringify({ name: 'no id, no roles' }) });
    await expect(client().getMe(sanne)).rejects.toBeInstanceOf(ApiUnavailableError);
  });

  it('reports a failing token as unavailable without calling the API', async () => {
    const failing = async (): Promise<string> => {
      throw new Error('authority down');
    };
    await expect(client(failing).getMe(sanne)).rejects.toBeInstanceOf(ApiUnavailableError);
    expect(stub.requests).toEqual([]);
  });

  it('reports an API that does not answer as unavailable', async () => {
    await stub.close();
    await expect(client().getMe(sanne)).rejects.toBeInstanceOf(ApiUnavailableError);
    stub = await startApiStub(); // for afterEach
  });
});
