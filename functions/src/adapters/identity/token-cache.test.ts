import type { Principal } from '../../domain/principal';
import { withTokenCache } from './token-cache';
import type { TokenValidator } from './token-validator';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token-shaped string with the given exp (seconds); the fake validator below decides what is valid. */
const token = (sub: string, exp: number | undefined) =>
  `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub, ...(exp === undefined ? {} : { exp }) })}.signature`;

const principal = (oid: string): Principal => ({
  kind: 'user',
  oid,
  tid: 't',
  name: oid,
  upn: `${oid}@zaakwerk.test`,
  email: null,
  roles: ['coordinator'],
  groups: ['g1'],
});

function validator() {
  const checked: string[] = [];
  const refused = new Set<string>();
  const inner: TokenValidator = {
    validate: (t) => {
      checked.push(t);
      if (refused.has(t)) return Promise.reject(new Error('invalid token'));
      const sub = (JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
      return Promise.resolve(principal(sub));
    },
  };
  return { inner, checked, refused };
}

const start = Date.parse('2026-11-28T10:00:00Z');
function clock() {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('withTokenCache', () => {
  it('validates a token in full the first time and answers from memory until it expires', async () => {
    const { inner, checked } = validator();
    const time = clock();
    const cached = withTokenCache(inner, { clock: time });
    const t = token('sanne', seconds(start) + 120);

    expect((await cached.validate(t)).kind).toBe('user');
    await cached.validate(t);
    time.advance(119_999);
    await cached.validate(t);
    expect(checked).toHaveLength(1);
    time.advance(1); // at exp: the full check decides again (it allows clock skew; the cache does not)
    await cached.validate(t);
    expect(checked).toHaveLength(2);
  });

  it('checks again after maxAgeMs even when the token lives longer', async () => {
    const { inner, checked } = validator();
    const time = clock();
    const cached = withTokenCache(inner, { clock: time, maxAgeMs: 60_000 });
    const t = token('sanne', seconds(start) + 3600);
    await cached.validate(t);
    time.advance(59_999);
    await cached.validate(t);
    time.advance(1);
    await cached.validate(t);
    expect(checked).toHaveLength(2);
  });

  it('never remembers a refused token, an expired one or one without exp', async () => {
    const { inner, checked, refused } = validator();
    const cached = withTokenCache(inner, { clock: clock() });
    const bad = token('mallory', seconds(start) + 3600);
    refused.add(bad);
    await expect(cached.validate(bad)).rejects.toThrow('invalid token');
    await expect(cached.validate(bad)).rejects.toThrow('invalid token');
    const withinSkew = token('sanne', seconds(start) - 30);
    await cached.validate(withinSkew);
    await cached.validate(withinSkew);
    const noExp = token('sanne', undefined);
    await cached.validate(noExp);
    await cached.validate(noExp);
    expect(checked).toEqual([bad, bad, withinSkew, withinSkew, noExp, noExp]);
  });

  it('tells tokens apart and keeps at most maxEntries, the oldest going first', async () => {
    const { inner, checked } = validator();
    const cached = withTokenCache(inner, { clock: clock(), maxEntries: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => token(sub, seconds(start) + 600)) as [string, string, string];
    expect((await cached.validate(a)).kind === 'user' && (await cached.validate(a))).toMatchObject({ oid: 'a' });
    expect(await cached.validate(b)).toMatchObject({ oid: 'b' });
    await cached.validate(c); // a goes
    expect(checked).toEqual([a, b, c]);
    await cached.validate(b);
    await cached.validate(c);
    await cached.validate(a);
    expect(checked).toEqual([a, b, c, a]);
  });

  it('hands out a frozen principal, so one request cannot change it for the next', async () => {
    const { inner } = validator();
    const cached = withTokenCache(inner, { clock: clock() });
    const t = token('sanne', seconds(start) + 600);
    await cached.validate(t);
    const again = await cached.validate(t);
    expect(Object.isFrozen(again)).toBe(true);
    expect(() => (again.roles as string[]).push('Zaakwerk.Admin')).toThrow(TypeError);
  });
});
