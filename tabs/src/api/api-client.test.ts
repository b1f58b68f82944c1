import { createApiClient } from './api-client';
import { ApiProblemError } from '../shared/api/problem';

type FetchCall = { url: string; init: RequestInit | undefined };

function fakeFetch(response: () => Response | Promise<Response>): { fetchImpl: typeof fetch; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return response();
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const json = (body: unknown, status = 200, contentType = 'application/json'): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

const aCase = {
  id: '0193b0c2-0000-7000-8000-000000000001',
  number: 'ZAAK-2026-000123',
  title: 'Dakkapel Dorpsstraat 1',
  caseType: { key: 'omgevingsvergunning', name: 'Omgevingsvergunning' },
  status: 'open',
  phase: { key: 'intake', name: 'Intake' },
  deadline: { final: '2026-04-28' },
  receivedOn: '2026-03-03',
  assignee: { id: 'b0000001-5a1e-4d2c-9f00-000000000001', name: 'Sanne de Vries' },
  confidentiality: 'intern',
};

describe('createApiClient', () => {
  it('sends the bearer token and reads the signed-in user', async () => {
    const { fetchImpl, calls } = fakeFetch(() =>
      json({
        id: 'u1',
        name: 'Sanne de Vries',
        email: 'behandelaar@zaakwerk.test',
        tenantId: 't',
        roles: [],
        groups: [],
        caseTypes: [],
      }),
    );
    const api = createApiClient({ baseUrl: 'http://localhost:7071/api/v1/', getAccessToken: async () => 'token-123', fetchImpl });

    await expect(api.getMe()).resolves.toMatchObject({ name: 'Sanne de Vries' });
    expect(calls[0]?.url).toBe('http://localhost:7071/api/v1/me');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer token-123');
  });

  it('asks for the queue of the signed-in user and returns the items and cursor', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json({ items: [aCase], nextCursor: 'abc' }));
    const api = createApiClient({ baseUrl: 'http://api/api/v1', getAccessToken: async () => 't', fetchImpl });

    const list = await api.listCases({ queue: 'mine' });
    expect(calls[0]?.url).toBe('http://api/api/v1/cases?queue=mine');
    expect(list).toEqual({ items: [aCase], nextCursor: 'abc' });
  });

  it('turns a problem+json error into an ApiProblemError with the stable code', async () => {
    const problem = {
      type: 'https://zaakwerk.nl/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'The token has expired',
      code: 'auth.token-expired',
    };
    const { fetchImpl } = fakeFetch(() => json(problem, 401, 'application/problem+json'));
    const api = createApiClient({ baseUrl: 'http://api', getAccessToken: async () => 't', fetchImpl });

    const error: unknown = await api.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect((error as ApiProblemError).problem).toEqual(problem);
    expect((error as ApiProblemError).code).toBe('auth.token-expired');
  });

  it('gives a problem+json body without a code (e.g. from a gateway) a client code', async () => {
    const { fetchImpl } = fakeFetch(() => json({ title: 'Too Many Requests', status: 429 }, 429, 'application/problem+json'));
    const api = createApiClient({ baseUrl: 'http://api', getAccessToken: async () => 't', fetchImpl });

    await expect(api.getMe()).rejects.toMatchObject({
      problem: { status: 429, title: 'Too Many Requests', code: 'client.problem-without-code' },
    });
  });

  it('makes a problem out of an error that is not problem+json', async () => {
    const { fetchImpl } = fakeFetch(
      () => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/plain' } }),
    );
    const api = createApiClient({ baseUrl: 'http://api', getAccessToken: async () => 't', fetchImpl });

    await expect(api.listCases({ queue: 'mine' })).rejects.toMatchObject({
      problem: { status: 502, title: 'Bad Gateway', detail: 'Bad gateway', code: 'client.unexpected-response' },
    });
  });

  it('reports a failed connection as a network problem', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const api = createApiClient({ baseUrl: 'http://api', getAccessToken: async () => 't', fetchImpl });

    await expect(api.getMe()).rejects.toMatchObject({
      problem: { status: 0, code: 'client.network', detail: 'Failed to fetch' },
    });
  });

  it('rejects a list response without items instead of rendering nonsense', async () => {
    const { fetchImpl } = fakeFetch(() => json({ cases: [] }));
    const api = createApiClient({ baseUrl: 'http://api', getAccessToken: async () => 't', fetchImpl });

    await expect(api.listCases({ queue: 'mine' })).rejects.toMatchObject({ problem: { code: 'client.invalid-response' } });
  });

  it('does not call the API when no token can be obtained', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json({}));
    const api = createApiClient({
      baseUrl: 'http://api',
      getAccessToken: () => Promise.reject(new Error('interaction_required')),
      fetchImpl,
    });

    await expect(api.getMe()).rejects.toThrow('interaction_required');
    expect(calls).toHaveLength(0);
  });
});
