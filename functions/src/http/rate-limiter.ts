/** The answer of a rate limiter: go on, or wait this many whole seconds. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

/** Buckets kept at most; full (idle) buckets are dropped first when there are more. */
const maxBuckets = 10_000;

/**
 * A token bucket per key (the user's object id): `perMinute` tokens, refilled evenly, so a user can
 * burst to `perMinute` and then keeps `perMinute / 60` per second. In memory, per Function instance:
 * it protects each instance and the shared storage behind it from one runaway client; a global limit
 * belongs in front of the app (API Management / Front Door).
 */
export function createRateLimiter(options: { perMinute: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refill = (bucket: { tokens: number; at: number }, t: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
  };

  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxBuckets) {
          for (const [k, b] of buckets) {
            refill(b, t);
            if (b.tokens >= capacity) buckets.delete(k);
          }
        }
        bucket = { tokens: capacity, at: t };
        buckets.set(key, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
