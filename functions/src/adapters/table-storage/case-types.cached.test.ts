import type { CaseType } from '../../contract/case-type';
import type { CaseTypeRepository } from '../../ports/case-types';
import { withCaseTypeCache } from './case-types.cached';

const version = (key: string, n: number, status: CaseType['status'] = 'published'): CaseType =>
  ({ key, version: n, status, fields: [], roles: [] }) as unknown as CaseType;

/** An in-memory repository that counts reads, so the tests see which reads reached storage. */
function repository() {
  const stored = new Map<string, CaseType[]>();
  const reads = { list: 0, get: 0 };
  let failNext = false;
  const repo: CaseTypeRepository = {
    getDraft: () => Promise.resolve(undefined),
    createDraft: () => Promise.reject(new Error('not used')),
    replaceDraft: () => Promise.reject(new Error('not used')),
    listVersions: (key) => {
      reads.list++;
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('storage down'));
      }
      return Promise.resolve((stored.get(key) ?? []).map((v) => ({ ...v })));
    },
    getVersion: (key, n) => {
      reads.get++;
      const found = stored.get(key)?.find((v) => v.version === n);
      return Promise.resolve(found ? { ...found } : undefined);
    },
    listAllVersions: () => Promise.resolve([...stored.values()].flat()),
    addVersion: (v) => {
      stored.set(v.key, [...(stored.get(v.key) ?? []), v]);
      return Promise.resolve();
    },
    markRetired: (key, n) => {
      stored.set(
        key,
        (stored.get(key) ?? []).map((v) => (v.version === n ? { ...v, status: 'retired' as const } : v)),
      );
      return Promise.resolve();
    },
    listFragments: () => Promise.resolve([]),
    addFragment: () => Promise.resolve(),
  };
  return { repo, stored, reads, failOnce: () => (failNext = true) };
}

function clock(start = Date.parse('2026-11-28T10:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('withCaseTypeCache', () => {
  it('answers repeated listVersions from memory until the TTL runs out', async () => {
    const { repo, stored, reads } = repository();
    stored.set('klacht', [version('klacht', 1)]);
    const time = clock();
    const cached = withCaseTypeCache(repo, { clock: time, ttlMs: 5_000 });

    expect((await cached.listVersions('klacht')).map((v) => v.version)).toEqual([1]);
    await cached.listVersions('klacht');
    time.advance(4_999);
    await cached.listVersions('klacht');
    expect(reads.list).toBe(1);

    // Another instance publishes version 2: seen once the entry has expired.
    stored.set('klacht', [version('klacht', 1), version('klacht', 2)]);
    expect((await cached.listVersions('klacht')).map((v) => v.version)).toEqual([1]);
    time.advance(1);
    expect((await cached.listVersions('klacht')).map((v) => v.version)).toEqual([1, 2]);
    expect(reads.list).toBe(2);
  });

  it("drops a key's entries at once when this instance publishes or retires a version of it", async () => {
    const { repo, stored, reads } = repository();
    stored.set('klacht', [version('klacht', 1)]);
    const cached = withCaseTypeCache(repo, { clock: clock() });
    await cached.listVersions('klacht');
    await cached.getVersion('klacht', 1);

    await cached.addVersion(version('klacht', 2));
    expect((await cached.listVersions('klacht')).map((v) => v.version)).toEqual([1, 2]);

    await cached.markRetired('klacht', 1, '2026-11-28T10:00:00Z');
    expect((await cached.getVersion('klacht', 1))?.status).toBe('retired');
    expect((await cached.listVersions('klacht')).map((v) => v.status)).toEqual(['retired', 'published']);
    expect(reads).toEqual({ list: 3, get: 2 });
  });

  it('keeps the all-versions list (all queues, counts) until the TTL runs out or this instance publishes', async () => {
    const { repo, stored } = repository();
    let reads = 0;
    const counting = { ...repo, listAllVersions: () => (reads++, repo.listAllVersions()) };
    stored.set('klacht', [version('klacht', 1)]);
    const time = clock();
    const cached = withCaseTypeCache(counting, { clock: time, ttlMs: 5_000 });
    await cached.listAllVersions();
    await cached.listAllVersions();
    expect(reads).toBe(1);
    await cached.addVersion(version('omgevingsvergunning', 1));
    expect((await cached.listAllVersions()).map((v) => v.key).sort()).toEqual(['klacht', 'omgevingsvergunning']);
    time.advance(5_000);
    await cached.listAllVersions();
    expect(reads).toBe(3);
  });

  it('keeps neither an unknown key nor a failed read, so the next request asks storage again', async () => {
    const { repo, stored, reads, failOnce } = repository();
    const cached = withCaseTypeCache(repo, { clock: clock() });
    expect(await cached.listVersions('klacht')).toEqual([]);
    stored.set('klacht', [version('klacht', 1)]);
    expect(await cached.listVersions('klacht')).toHaveLength(1);
    expect(await cached.getVersion('klacht', 9)).toBeUndefined();
    expect(await cached.getVersion('klacht', 9)).toBeUndefined();
    expect(reads.get).toBe(2);

    failOnce();
    await expect(cached.listVersions('subsidie')).rejects.toThrow('storage down');
    stored.set('subsidie', [version('subsidie', 1)]);
    expect(await cached.listVersions('subsidie')).toHaveLength(1);
    expect(reads.list).toBe(4);
  });

  it('shares one read between concurrent requests and hands out frozen values', async () => {
    const { repo, stored, reads } = repository();
    stored.set('klacht', [version('klacht', 1)]);
    const cached = withCaseTypeCache(repo, { clock: clock() });
    const [a, b] = await Promise.all([cached.listVersions('klacht'), cached.listVersions('klacht')]);
    expect(reads.list).toBe(1);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a[0])).toBe(true);
    expect(() => (a as CaseType[]).push(version('klacht', 3))).toThrow(TypeError);
  });

  it('keeps at most maxEntries keys, dropping the oldest first', async () => {
    const { repo, stored, reads } = repository();
    for (const key of ['a', 'b', 'c']) stored.set(key, [version(key, 1)]);
    const cached = withCaseTypeCache(repo, { clock: clock(), maxEntries: 2 });
    await cached.listVersions('a');
    await cached.listVersions('b');
    await cached.listVersions('c'); // 'a' goes
    expect(reads.list).toBe(3);
    await cached.listVersions('b');
    await cached.listVersions('c');
    expect(reads.list).toBe(3);
    await cached.listVersions('a');
    expect(reads.list).toBe(4);
  });

  it('does not trust an entry from the future (a clock set back)', async () => {
    const { repo, stored, reads } = repository();
    stored.set('klacht', [version('klacht', 1)]);
    const time = clock();
    const cached = withCaseTypeCache(repo, { clock: time });
    await cached.listVersions('klacht');
    time.advance(-60_000);
    await cached.listVersions('klacht');
    expect(reads.list).toBe(2);
  });
});
