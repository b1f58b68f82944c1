/** The part of `GET /api/v1/me` the task pane shows. */
export interface Me {
  id: string | null;
  name: string;
  roles: string[];
}

/** A problem+json answer (API.md): the stable `code` is what callers branch on. */
export class ApiProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly title: string,
  ) {
    super(`${status} ${code ?? title}`);
    this.name = 'ApiProblemError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Validates the body of /me; `displayName` is accepted as well as `name` so a rename cannot blank the pane. */
export function parseMe(body: unknown): Me {
  if (!isRecord(body)) throw new Error('/me did not return a JSON object');
  const name = str(body['name']) ?? str(body['displayName']);
  if (name === null) throw new Error('/me returned no name');
  const roles = Array.isArray(body['roles']) ? body['roles'].filter((r): r is string => typeof r === 'string') : [];
  return { id: str(body['id']), name, roles };
}

async function problemFrom(response: Response): Promise<ApiProblemError> {
  let code: string | null = null;
  let title = response.statusText || 'Request failed';
  try {
    const body: unknown = await response.json();
    if (isRecord(body)) {
      code = str(body['code']);
      title = str(body['title']) ?? title;
    }
  } catch {
    // Not problem+json (e.g. a proxy's HTML error page): the status says enough.
  }
  return new ApiProblemError(response.status, code, title);
}

/** Calls `GET {apiBaseUrl}/me` with the user's token. */
export async function fetchMe(apiBaseUrl: string, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<Me> {
  const response = await fetchImpl(`${apiBaseUrl.replace(/\/+$/, '')}/me`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  if (!response.ok) throw await problemFrom(response);
  return parseMe(await response.json());
}
