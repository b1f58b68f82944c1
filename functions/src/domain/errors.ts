/**
 * A broken domain rule, with a stable `code` (e.g. `case.already-closed`) that clients and tests rely
 * on. The kind decides the HTTP status once, in http/problem.ts; the domain knows nothing of HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: 'conflict' | 'rule-violation' | 'not-found',
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
