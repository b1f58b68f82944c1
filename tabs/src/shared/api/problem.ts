// Types only: the web apps' tsconfig `paths` point the package at the contract's source (no zod at run time).
import type { Problem } from '@zaakwerk/functions/contract';

/**
 * A failed API call, carrying the problem details the API returned (or one made up on the client, with a
 * `client.*` code). Callers branch on `code`, never on the message.
 */
export class ApiProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiProblemError';
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns an error response into a Problem. problem+json bodies are used as they are (with the HTTP status
 * as fallback); anything else becomes a generic problem so the UI always has a title and a status.
 */
export function problemFromResponse(status: number, statusText: string, contentType: string | null, body: string): Problem {
  if (contentType && /json/i.test(contentType)) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (isRecord(parsed) && typeof parsed['title'] === 'string') {
        const problem: Problem = {
          type: typeof parsed['type'] === 'string' ? parsed['type'] : 'about:blank',
          title: parsed['title'],
          status: typeof parsed['status'] === 'number' ? parsed['status'] : status,
          // The API always sends a code; a proxy or gateway answering in its place may not.
          code: typeof parsed['code'] === 'string' ? parsed['code'] : 'client.problem-without-code',
        };
        if (typeof parsed['detail'] === 'string') problem.detail = parsed['detail'];
        if (Array.isArray(parsed['errors'])) problem.errors = parsed['errors'].filter(isFieldError);
        return problem;
      }
    } catch {
      // Not JSON after all: fall through to the generic problem below.
    }
  }
  const detail = body.trim().slice(0, 300);
  return {
    type: 'about:blank',
    title: statusText || `HTTP ${status}`,
    status,
    code: 'client.unexpected-response',
    ...(detail ? { detail } : {}),
  };
}

function isFieldError(value: unknown): value is { path: string; code: string; message: string } {
  return (
    isRecord(value) &&
    typeof value['path'] === 'string' &&
    typeof value['code'] === 'string' &&
    typeof value['message'] === 'string'
  );
}

/** The request never got an HTTP answer (offline, CORS refusal, DNS). */
export function networkProblem(error: unknown): Problem {
  return {
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    code: 'client.network',
    detail: error instanceof Error ? error.message : String(error),
  };
}
