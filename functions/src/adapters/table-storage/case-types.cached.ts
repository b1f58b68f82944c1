import type { CaseType } from '../../contract/case-type';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Clock } from '../../ports/event-log';

export interface CaseTypeCacheOptions {
  clock: Clock;
  /** How long another instance's publish or retirement may go unseen here (default 5 s). */
  ttlMs?: number;
  /** Most keys (and, separately, key+version pairs) kept; the oldest entry goes first (default 500). */
  maxEntries?: number;
}

interface Entry<T> {
  loadedAt: number;
  value: Promise<T>;
}

/**
 * Published case-type versions for the hot paths (registration reads `listVersions` per request, a
 * change reads `getVersion`), cached per instance (decision 0019). A version row is never rewritten,
 * but a key can gain a version (publish) or a retire marker, so entries live `ttlMs` at most; this
 * instance's own `addVersion` / `markRetired` drop the key's entries at once. An empty list (an unknown
 * key) and a failed read are not kept, so a type seeded or published elsewhere is found on the next
 * request. Values are deep-frozen (shared by every caller). The all-versions list (the `all` queues and
 * counts, the access overview) is kept the same way and dropped on any publish or retire here. Drafts and
 * fragments pass straight through.
 */
export function withCaseTypeCache(repository: CaseTypeRepository, options: CaseTypeCacheOptions): CaseTypeRepository {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 500;
  const lists = new Map<string, Entry<CaseType[]>>();
  const versions = new Map<string, Entry<CaseType | undefined>>();
  const versionKey = (key: string, version: number) => `${key}\u0000${version}`;

  const cached = <T>(map: Map<string, Entry<T>>, id: string, load: () => Promise<T>, keep: (value: T) => boolean): Promise<T> => {
    const now = options.clock.now().getTime();
    const hit = map.get(id);
    if (hit && now - hit.loadedAt < ttlMs && now >= hit.loadedAt) return hit.value;
    map.delete(id);
    // Frozen: every caller shares the value, so none may change it for the others.
    const entry: Entry<T> = { loadedAt: now, value: load().then(deepFreeze) };
    map.set(id, entry);
    while (map.size > maxEntries) map.delete(map.keys().next().value as string);
    entry.value.then(
      (value) => {
        if (!keep(value) && map.get(id) === entry) map.delete(id);
      },
      () => {
        if (map.get(id) === entry) map.delete(id);
      },
    );
    return entry.value;
  };

  const allVersions = new Map<string, Entry<CaseType[]>>();
  const forget = (key: string): void => {
    allVersions.clear();
    lists.delete(key);
    for (const id of [...versions.keys()]) if (id.startsWith(`${key}\u0000`)) versions.delete(id);
  };

  return {
    ...repository,
    listVersions: (key) =>
      cached(
        lists,
        key,
        () => repository.listVersions(key),
        (found) => found.length > 0,
      ),
    listAllVersions: () =>
      cached(
        allVersions,
        'all',
        () => repository.listAllVersions(),
        () => true,
      ),
    getVersion: (key, version) =>
      cached(
        versions,
        versionKey(key, version),
        () => repository.getVersion(key, version),
        (found) => found !== undefined,
      ),
    async addVersion(version) {
      forget(version.key);
      try {
        await repository.addVersion(version);
      } finally {
        forget(version.key);
      }
    },
    async markRetired(key, version, retiredAt) {
      forget(key);
      try {
        await repository.markRetired(key, version, retiredAt);
      } finally {
        forget(key);
      }
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
