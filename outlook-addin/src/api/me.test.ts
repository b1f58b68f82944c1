import { ApiProblemError } from '@zaakwerk/tabs/shared/api/problem';
import { fetchMe, parseMe } from './me';

const jsonResponse = (status: number, body: unknown, contentType = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

describe('fetchMe', () => {
  it('sends the bearer token to {apiBaseUrl}/me and returns the user', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), init });
      return jsonResponse(200, { id: 'b0000001', name: 'Sanne de Vries', roles: [] });
    };
    const me = await fetchMe('http://localhost:7071/api/v1/', 'token-123', fakeFetch);
    expect(me.name).toBe('Sanne de Vries');
    expect(calls[0]?.url).toBe('http://localhost:7071/api/v1/me');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer token-123');
  });

  it('turns a problem+json answer into an ApiProblemError with the stable code', async () => {
    const fakeFetch: typeof fetch = async () =>
      jsonResponse(
        401,
        { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'auth.invalid-token' },
        'application/problem+json',
      );
    const error = await fetchMe('http://api', 't', fakeFetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblemError);
    expect((error as ApiProblemError).status).toBe(401);
    expect((error as ApiProblemError).code).toBe('auth.invalid-token');
  });

  it('reports a non-JSON error by its status, with a client code', async () => {
    const fakeFetch: typeof fetch = async () =>
      new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const error = (await fetchMe('http://api', 't', fakeFetch).catch((e: unknown) => e)) as ApiProblemError;
    expect(error.status).toBe(502);
    expect(error.code).toBe('client.unexpected-response');
    expect(error.problem.title).toBe('Bad Gateway');
  });
});

describe('parseMe', () => {
  it('accepts displayName when name is absent', () => {
    expect(parseMe({ displayName: 'Daan Bakker' }).name).toBe('Daan Bakker');
  });

  it('keeps only string roles', () => {
    expect(parseMe({ name: 'X', roles: ['Zaakwerk.Admin', 3] }).roles).toEqual(['Zaakwerk.Admin']);
  });

  it('rejects a body without a name', () => {
    expect(() => parseMe({ id: 'x' })).toThrow('/me returned no name');
  });
});
