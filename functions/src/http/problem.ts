import type { HttpResponseInit } from '@azure/functions';
import type { z } from 'zod';
import { AppError, type AppErrorKind } from '../app/errors';
import type { Problem, ProblemFieldError } from '../contract/problem';
import { InvalidCaseTypeDefinition } from '../domain/case-types/errors';
import { DomainError } from '../domain/errors';
import { CaseNumberContention } from '../ports/case-numbers';
import { ConcurrencyConflict, TransactionTooLarge } from '../ports/case-store';
import { IdempotencyKeyReused, IdempotencyRequestInProgress } from '../ports/idempotency';

export const problemContentType = 'application/problem+json';

const statusByKind: Record<AppErrorKind | DomainError['kind'], number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'precondition-failed': 412,
  'precondition-required': 428,
  'rule-violation': 422,
  'too-many-requests': 429,
  'dependency-unavailable': 503,
};

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  412: 'Precondition failed',
  415: 'Unsupported media type',
  422: 'Rule violated',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function problem(status: number, code: string, detail?: string, errors?: ProblemFieldError[]): Problem {
  return {
    type: `urn:zaakwerk:problem:${code}`,
    title: titles[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): HttpResponseInit {
  return { status: body.status, headers: { 'content-type': problemContentType, ...headers }, body: JSON.stringify(body) };
}

/**
 * The one place errors become responses. Known errors keep their code and message; anything else is
 * a 500 with a generic detail (the caller gets the correlation id in a header, the log gets the rest).
 */
export function problemFromError(error: unknown): { problem: Problem; headers: Record<string, string>; expected: boolean } {
  if (error instanceof AppError || error instanceof DomainError) {
    const status = statusByKind[error.kind];
    const errors = error instanceof AppError ? error.options.errors : definitionErrors(error);
    const headers: Record<string, string> =
      status === 401
        ? // RFC 6750 §3.1: no error code when the request carried no token at all.
          { 'www-authenticate': error.code === 'auth.missing-token' ? 'Bearer' : 'Bearer error="invalid_token"' }
        : {};
    const retryAfter = error instanceof AppError ? error.options.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
    return { problem: problem(status, error.code, error.message, errors), headers, expected: true };
  }
  const storage = storageCoreProblem(error);
  if (storage) return { ...storage, expected: true };
  return {
    problem: problem(
      500,
      'server.unexpected-error',
      'Something went wrong on our side; quote the x-correlation-id header when reporting it.',
    ),
    headers: {},
    expected: false,
  };
}

/** The storage core's typed errors (ports/*): each has a stable code and one status. */
function storageCoreProblem(error: unknown): { problem: Problem; headers: Record<string, string> } | undefined {
  if (error instanceof ConcurrencyConflict) {
    // The caller reloads with the current etag (none when the case does not exist).
    return {
      problem: problem(412, error.code, 'The case was changed by someone else; read it again.'),
      headers: error.currentEtag ? { etag: error.currentEtag } : {},
    };
  }
  if (error instanceof IdempotencyKeyReused) return { problem: problem(422, error.code, error.message), headers: {} };
  if (error instanceof IdempotencyRequestInProgress) {
    return { problem: problem(409, error.code, error.message), headers: { 'retry-after': '1' } };
  }
  if (error instanceof TransactionTooLarge) {
    return { problem: problem(413, error.code, 'The change is too large to store in one step.'), headers: {} };
  }
  if (error instanceof CaseNumberContention) {
    return {
      problem: problem(503, error.code, 'No case number could be allocated right now; try again.'),
      headers: { 'retry-after': '1' },
    };
  }
  return undefined;
}

/** Every zod issue as a field error, with its path prefixed by where it came from (`query`, `body`). */
export function fieldErrors(
  source: 'query' | 'body' | 'params' | 'headers',
  issues: readonly z.core.$ZodIssue[],
): ProblemFieldError[] {
  return issues.map((issue) => ({
    path: [source, ...issue.path.map(String)].join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/** A refused case-type definition lists every blocking issue by its path in the definition. */
function definitionErrors(error: DomainError): ProblemFieldError[] | undefined {
  if (!(error instanceof InvalidCaseTypeDefinition)) return undefined;
  return error.issues.filter((issue) => issue.severity === 'error').map(({ path, code, message }) => ({ path, code, message }));
}
