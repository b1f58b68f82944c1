import type { HttpRequest } from '@azure/functions';
import { invalidInput } from '../app/errors';

const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header, if sent: 1–200 visible ASCII characters (400 otherwise). */
export function idempotencyKeyOf(request: HttpRequest): string | undefined {
  const key = request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !idempotencyKeyPattern.test(key)) {
    throw invalidInput([
      { path: 'headers.idempotency-key', code: 'request.idempotency-key-invalid', message: '1–200 visible ASCII characters' },
    ]);
  }
  return key;
}

/** The response headers of a request answered from its Idempotency-Key. */
export const replayedHeader = (replayed: boolean): Record<string, string> => (replayed ? { 'idempotent-replayed': 'true' } : {});
