import type { TokenValidator } from '../adapters/identity/token-validator';
import { loadApiConfig } from '../config';
import type { Principal } from '../domain/principal';
import { register } from '../register';
import { inMemoryCaseTypes } from '../test-support/in-memory-case-types';
import { recordingApp } from '../test-support/recording-app';
import { createRateLimiter } from './rate-limiter';

describe('the per-user rate limiter', () => {
  it('lets a user burst to the limit, then asks them to wait until a token is back', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('sanne').allowed)).toEqual([true, true, true]);
    expect(limiter.take('sanne')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now += 19_000;
    expect(limiter.take('sanne')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect(limiter.take('sanne').allowed).toBe(true);
  });

  it('counts each user on their own', () => {
    const limiter = createRateLimiter({ perMinute: 1, now: () => 0 });
    expect(limiter.take('sanne').allowed).toBe(true);
    expect(limiter.take('daan').allowed).toBe(true);
    expect(limiter.take('sanne').allowed).toBe(false);
  });
});

describe('the API past a user’s limit', () => {
  const user = (oid: string): Principal => ({
    kind: 'user',
    oid,
    tid: 't',
    name: oid,
    upn: `${oid}@zaakwerk.test`,
    email: null,
    roles: [],
    groups: [],
  });
  const validator: TokenValidator = { validate: async (token) => user(token) };

  it('answers 429 with Retry-After and a problem, for that user only', async () => {
    const recorded = recordingApp();
    register(recorded.app, {
      config: loadApiConfig({ ZAAKWERK_RATE_LIMIT_PER_MINUTE: '2' }),
      tokenValidator: validator,
      caseTypes: inMemoryCaseTypes(),
    });
    const me = (token: string) => recorded.call('me', { headers: { authorization: `Bearer ${token}` } });
    expect((await me('sanne')).status).toBe(200);
    expect((await me('sanne')).status).toBe(200);
    const refused = await me('sanne');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.json()).toMatchObject({ status: 429, code: 'request.rate-limited' });
    expect((await me('daan')).status).toBe(200);
  });

  it('refuses a bad setting at start-up', () => {
    expect(() => loadApiConfig({ ZAAKWERK_RATE_LIMIT_PER_MINUTE: 'many' })).toThrow(/ZAAKWERK_RATE_LIMIT_PER_MINUTE/);
  });
});
