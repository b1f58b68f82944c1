import { ApiProblemError, networkProblem, problemFromResponse } from '../shared/api/problem';
import type { CaseList, CaseQueue, Me } from './types';

/** The calls the tab makes to the Zaakwerk API. */
export interface ApiClient {
  getMe(signal?: AbortSignal): Promise<Me>;
  listCases(query: { queue: CaseQueue; cursor?: string }, signal?: AbortSignal): Promise<CaseList>;
}

export interface ApiClientOptions {
  /** e.g. `http://localhost:7071/api/v1` (no trailing slash) */
  baseUrl: string;
  getAccessToken(): Promise<string>;
  fetchImpl?: typeof fetch;
}

/** Typed fetch wrapper: bearer token on every call, problem+json errors as {@link ApiProblemError}. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    const token = await options.getAccessToken();
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiProblemError(networkProblem(error));
    }
    const body = await response.text();
    if (!response.ok) {
      throw new ApiProblemError(
        problemFromResponse(response.status, response.statusText, response.headers.get('content-type'), body),
      );
    }
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new ApiProblemError({
        type: 'about:blank',
        title: 'Invalid response',
        status: response.status,
        code: 'client.invalid-json',
      });
    }
  }

  function invalid(what: string): ApiProblemError {
    return new ApiProblemError({
      type: 'about:blank',
      title: 'Invalid response',
      status: 200,
      code: 'client.invalid-response',
      detail: what,
    });
  }

  return {
    async getMe(signal) {
      const body = await getJson('/me', signal);
      if (!isRecord(body) || typeof body['name'] !== 'string' || typeof body['id'] !== 'string')
        throw invalid('GET /me did not return a user');
      return body as unknown as Me;
    },
    async listCases(query, signal) {
      const params = new URLSearchParams({ queue: query.queue });
      if (query.cursor) params.set('cursor', query.cursor);
      const body = await getJson(`/cases?${params.toString()}`, signal);
      if (!isRecord(body) || !Array.isArray(body['items'])) throw invalid('GET /cases did not return { items }');
      return {
        items: body['items'] as CaseList['items'],
        nextCursor: typeof body['nextCursor'] === 'string' ? body['nextCursor'] : null,
      };
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
