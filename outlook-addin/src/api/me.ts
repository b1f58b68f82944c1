import { ApiProblemError, problemFromResponse } from '@zaakwerk/tabs/shared/api/problem';

/** The part of `GET /api/v1/me` the task pane shows. */
export interface Me {
  id: string | null;
  name: string;
  roles: string[];
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

/** Calls `GET {apiBaseUrl}/me` with the user's token; an error answer becomes an {@link ApiProblemError}. */
export async function fetchMe(apiBaseUrl: string, accessToken: string, fetchImpl: typeof fetch = fetch): Promise<Me> {
  const response = await fetchImpl(`${apiBaseUrl.replace(/\/+$/, '')}/me`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  if (!response.ok) {
    const body = await response.text();
    throw new ApiProblemError(
      problemFromResponse(response.status, response.statusText, response.headers.get('content-type'), body),
    );
  }
  return parseMe(await response.json());
}
