import type { JsonValue } from '../domain/events';

/** An `Idempotency-Key` belongs to the principal that sent it: two users may use the same key. */
export interface IdempotencyScope {
  principalId: string;
  key: string;
}

/** The first response to a request, replayed to its retries. */
export interface StoredResponse {
  status: number;
  body: JsonValue;
  caseId?: string;
}

export type IdempotencyStart = { kind: 'execute'; lease: string } | { kind: 'replay'; response: StoredResponse };

/**
 * Records `Idempotency-Key` + principal + request fingerprint → the first response (24 h).
 * `begin` either lets this request run (`execute`) or returns the stored response (`replay`); it throws
 * IdempotencyKeyReused for another request under the same key and IdempotencyRequestInProgress while
 * the first request with that key is still running (409; the client retries after a moment).
 */
export interface IdempotencyStore {
  begin(scope: IdempotencyScope, fingerprint: string): Promise<IdempotencyStart>;
  /** Stores the response of the request that got `execute`. */
  complete(scope: IdempotencyScope, lease: string, response: StoredResponse): Promise<void>;
  /** The request failed before it changed anything: forget the key so a retry runs again. */
  abandon(scope: IdempotencyScope, lease: string): Promise<void>;
}

/** Same key, different request (another body or path). Maps to 422. */
export class IdempotencyKeyReused extends Error {
  readonly code = 'request.idempotency-key-reused';
  constructor() {
    super('this Idempotency-Key was used for a different request');
    this.name = 'IdempotencyKeyReused';
  }
}

/** The first request with this key has not finished yet. Maps to 409. */
export class IdempotencyRequestInProgress extends Error {
  readonly code = 'request.idempotency-in-progress';
  constructor() {
    super('a request with this Idempotency-Key is still being processed; retry shortly');
    this.name = 'IdempotencyRequestInProgress';
  }
}
