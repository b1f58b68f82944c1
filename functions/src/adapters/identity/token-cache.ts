import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Principal } from '../../domain/principal';
import type { Clock } from '../../ports/event-log';
import type { TokenValidator } from './token-validator';

export interface TokenCacheOptions {
  clock: Clock;
  /** Longest a validated token is trusted without checking it again (default 10 min, the JWKS cache's age). */
  maxAgeMs?: number;
  /** Most tokens remembered; the oldest goes first (default 10,000). */
  maxEntries?: number;
}

/**
 * Remembers tokens that passed full validation (decision 0019): a client sends the same bearer token
 * with every request, and checking its RS256 signature each time was a visible share of the API's CPU.
 * The first request with a token is always validated in full; afterwards the token (keyed by its
 * SHA-256, the token itself is not kept) answers with the same principal until its `exp` — strictly,
 * without the clock skew the full check allows — or `maxAgeMs`, whichever comes first. Refused tokens
 * are never remembered, and a token inside the skew window after `exp` is always checked in full.
 */
export function withTokenCache(validator: TokenValidator, options: TokenCacheOptions): TokenValidator {
  const maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const validated = new Map<string, { until: number; principal: Principal }>();

  return {
    async validate(token) {
      const id = createHash('sha256').update(token).digest('base64url');
      const now = options.clock.now().getTime();
      const hit = validated.get(id);
      if (hit && now < hit.until) return hit.principal;
      if (hit) validated.delete(id);
      const principal = await validator.validate(token);
      const exp = decodeJwt(token).exp;
      const until = Math.min(typeof exp === 'number' ? exp * 1000 : now, now + maxAgeMs);
      if (until > now) {
        validated.set(id, { until, principal: deepFreeze(principal) });
        while (validated.size > maxEntries) validated.delete(validated.keys().next().value as string);
      }
      return principal;
    },
  };
}

/** Shared by every request with the token: nobody may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
