import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../domain/events';
import type { IdempotencyStore } from '../../ports/idempotency';
import type { Logger } from '../../ports/logger';

/** A response as the first request gave it: replayed as it is to a retry with the same Idempotency-Key. */
export interface OnceResponse {
  status: number;
  body: JsonValue;
  headers: Record<string, string>;
}

/** Same request ⇔ same fingerprint: route, parameters, preconditions and body in canonical form. */
export const requestFingerprint = (parts: JsonValue): string => createHash('sha256').update(canonicalJson(parts)).digest('hex');

/**
 * Runs `run` at most once per (principal, Idempotency-Key), as registerCase does for cases: without a
 * key it simply runs; a retry of the same request gets the first response (`replayed`), another request
 * under the key is refused (IdempotencyKeyReused, 422) and a retry while the first still runs gets 409.
 * A request that fails forgets its key, so a corrected retry runs.
 */
export async function runOnce(
  store: IdempotencyStore,
  principalId: string,
  key: string | undefined,
  fingerprint: string,
  log: Logger,
  run: () => Promise<OnceResponse>,
): Promise<OnceResponse & { replayed: boolean }> {
  if (key === undefined) return { ...(await run()), replayed: false };
  const scope = { principalId, key };
  const start = await store.begin(scope, fingerprint);
  if (start.kind === 'replay') {
    const stored = start.response.body as { body: JsonValue; headers: Record<string, string> };
    return { status: start.response.status, body: stored.body, headers: stored.headers, replayed: true };
  }
  let response: OnceResponse;
  try {
    response = await run();
  } catch (error) {
    await store.abandon(scope, start.lease);
    throw error;
  }
  try {
    await store.complete(scope, start.lease, {
      status: response.status,
      body: { body: response.body, headers: response.headers },
    });
  } catch (error) {
    // The change is made: answering with an error would invite a retry that the key can no longer stop.
    log.error('request done but its Idempotency-Key could not be completed', { error });
  }
  return { ...response, replayed: false };
}
