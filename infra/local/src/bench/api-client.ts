import { passwordGrantToken, apiUserScope, demoTenant, type LocalM365 } from '../m365';

export type Json = Record<string, unknown>;

export interface ApiResponse {
  status: number;
  etag: string;
  body: Json;
}

export interface ApiClient {
  /** A persona's bearer token for the API (password grant, cached per persona). */
  tokenFor(login: string): Promise<string>;
  /** One JSON request as `login` (default behandelaar), as real clients make it. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>, login?: string): Promise<ApiResponse>;
}

export function createApiClient(api: string, m365: LocalM365): ApiClient {
  const tokens = new Map<string, string>();
  const tokenFor = async (login: string) => {
    const cached = tokens.get(login);
    if (cached) return cached;
    const token = await passwordGrantToken(m365, login, demoTenant.password, apiUserScope);
    tokens.set(login, token);
    return token;
  };
  return {
    tokenFor,
    async call(method, path, body, headers = {}, login = 'behandelaar') {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await tokenFor(login)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        etag: response.headers.get('etag') ?? '',
        body: text ? (JSON.parse(text) as Json) : {},
      };
    },
  };
}
