import type { ProblemFieldError } from '../contract/problem';

export type AppErrorKind =
  | 'invalid-input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'precondition-failed'
  | 'precondition-required'
  | 'rule-violation'
  | 'too-many-requests'
  | 'dependency-unavailable';

/**
 * An error the application layer raises on purpose, with a stable `code`. Its message is shown to the
 * caller as `detail`, so it never carries internals; the cause (if any) is only logged.
 */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    message: string,
    readonly options: { errors?: ProblemFieldError[]; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
  }
}

export const invalidInput = (errors: ProblemFieldError[], message = 'The request is invalid; see errors.') =>
  new AppError('invalid-input', 'request.invalid', message, { errors });

export const unauthenticated = (code: string, message: string) => new AppError('unauthenticated', code, message);

export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);

export const dependencyUnavailable = (code: string, message: string, cause?: unknown) =>
  new AppError('dependency-unavailable', code, message, { cause });

/** 428: an update without `If-Match` (API.md: every update names the version it changes). */
export const ifMatchRequired = () =>
  new AppError('precondition-required', 'request.if-match-required', 'Send If-Match with the ETag you last read.');

/** 412: the resource changed since the caller read it. */
export const preconditionFailed = (code: string, message: string) => new AppError('precondition-failed', code, message);

/** 429: this user sent too many requests; try again after `retryAfterSeconds`. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('too-many-requests', 'request.rate-limited', `Too many requests; try again in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
  });
