import { CaseListSchema, MeSchema, ProblemSchema, type CaseList, type Me, type Problem } from '@zaakwerk/functions/contract';
import type { z } from 'zod';

/** Header the API accepts only from the bot's own app identity: the Entra object id of the user it acts for. */
export const actingUserHeader = 'X-Zaakwerk-Acting-User';

/** An access token for the API, as the bot's own app identity (client credentials). */
export type AccessTokenProvider = () => Promise<string>;

/** The API answered with an error: its problem+json, with the stable `code` to branch on. */
export class ApiProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`API ${problem.status} ${problem.code}: ${problem.title}`);
    this.name = 'ApiProblemError';
  }
}

/** The API could not be reached, timed out, or answered something that is not the contract. */
export class ApiUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiUnavailableError';
  }
}

export interface ZaakwerkApiClient {
  /** GET /me: the user the bot acts for, as the API sees them. */
  getMe(actingUserOid: string): Promise<Me>;
  /** GET /cases?queue=mine: the user's own work queue, earliest final deadline first. */
  listMyCases(actingUserOid: string, page: { limit: number; cursor?: string }): Promise<CaseList>;
}

export interface ApiClientOptions {
  /** e.g. http://localhost:7071/api/v1 (no trailing slash). */
  baseUrl: string;
  token: AccessTokenProvider;
  timeoutMs?: number;
}

/** The typed client the bot uses for every API call; responses are parsed with the shared contract. */
export function createApiClient(options: ApiClientOptions): ZaakwerkApiClient {
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function get<T extends z.ZodType>(path: string, actingUserOid: string, schema: T): Promise<z.infer<T>> {
    const url = `${options.baseUrl}${path}`;
    let token: string;
    try {
      token = await options.token();
    } catch (error) {
      throw new ApiUnavailableError('No access token for the API', { cause: error });
    }
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', [actingUserHeader]: actingUserOid },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ApiUnavailableError(`GET ${path} failed`, { cause: error });
    }
    const body = await readBody(response);
    if (!response.ok) throw new ApiProblemError(toProblem(response, body));
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ApiUnavailableError(`GET ${path}: the response does not match the contract`, { cause: parsed.error });
    return parsed.data;
  }

  return {
    getMe: (actingUserOid) => get('/me', actingUserOid, MeSchema),
    listMyCases: (actingUserOid, page) => {
      const query = new URLSearchParams({ queue: 'mine', limit: String(page.limit) });
      if (page.cursor) query.set('cursor', page.cursor);
      return get(`/cases?${query.toString()}`, actingUserOid, CaseListSchema);
    },
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The API's problem+json as sent; anything else (a proxy's HTML page, an empty 502) becomes one. */
function toProblem(response: Response, body: unknown): Problem {
  const parsed = ProblemSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: `http.${response.status}`,
  };
}
