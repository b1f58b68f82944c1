import type { CaseType, CaseTypeDefinition, Fragment } from '../contract/case-type';
import {
  CaseTypeAlreadyExists,
  CaseTypePreconditionFailed,
  type CaseTypeRepository,
  type StoredDraft,
} from '../ports/case-types';

/** An in-memory CaseTypeRepository for fast unit tests of handlers; integration tests use the Table adapter. */
export function inMemoryCaseTypes(initial: CaseType[] = []): CaseTypeRepository {
  const drafts = new Map<string, StoredDraft>();
  const versions = new Map<string, CaseType>(initial.map((v) => [`${v.key}:${v.version}`, v]));
  const fragments: Fragment[] = [];
  let etag = 0;
  const store = (definition: CaseTypeDefinition, by: string, at: string): StoredDraft => {
    const draft = { key: definition.key, definition, etag: `W/"${++etag}"`, updatedAt: at, updatedBy: by };
    drafts.set(definition.key, draft);
    return draft;
  };
  return {
    getDraft: async (key) => drafts.get(key),
    async createDraft(definition, by, at) {
      if (drafts.has(definition.key)) throw new CaseTypeAlreadyExists(`draft ${definition.key}`);
      return store(definition, by, at);
    },
    async replaceDraft(definition, ifMatch, by, at) {
      if (drafts.get(definition.key)?.etag !== ifMatch) throw new CaseTypePreconditionFailed(definition.key);
      return store(definition, by, at);
    },
    getVersion: async (key, version) => versions.get(`${key}:${version}`),
    listVersions: async (key) => [...versions.values()].filter((v) => v.key === key).sort((a, b) => a.version - b.version),
    listAllVersions: async () => [...versions.values()],
    async addVersion(version) {
      const id = `${version.key}:${version.version}`;
      if (versions.has(id)) throw new CaseTypeAlreadyExists(`version ${id}`);
      versions.set(id, version);
    },
    async markRetired(key, version, retiredAt) {
      const current = versions.get(`${key}:${version}`);
      if (current) versions.set(`${key}:${version}`, { ...current, status: 'retired', retiredAt } as CaseType);
    },
    listFragments: async () => [...fragments],
    async addFragment(fragment) {
      fragments.push(fragment);
    },
  };
}
