import type { CaseType, CaseTypeDefinition, Fragment } from '../contract/case-type';

/** The one editable definition per key, with the concurrency token of its stored row. */
export interface StoredDraft {
  readonly key: string;
  readonly definition: CaseTypeDefinition;
  readonly etag: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/**
 * Case types in storage: one draft per key (replaced under ETag), published versions (create-only,
 * never rewritten; retiring adds a marker next to the version) and versioned fragments (create-only).
 * Writes that lose a race throw: `CaseTypeAlreadyExists` (create) or `CaseTypePreconditionFailed`
 * (ETag). Reads of absent things return `undefined` or an empty list, never throw.
 */
export interface CaseTypeRepository {
  getDraft(key: string): Promise<StoredDraft | undefined>;
  /** Creates the draft; throws when one exists for the key. */
  createDraft(definition: CaseTypeDefinition, by: string, at: string): Promise<StoredDraft>;
  /** Replaces the draft if its ETag still is `ifMatch`. */
  replaceDraft(definition: CaseTypeDefinition, ifMatch: string, by: string, at: string): Promise<StoredDraft>;
  getVersion(key: string, version: number): Promise<CaseType | undefined>;
  /** Every version of a key, lowest first. */
  listVersions(key: string): Promise<CaseType[]>;
  /** Every version of every key (the list endpoint picks the latest published per key). */
  listAllVersions(): Promise<CaseType[]>;
  /** Stores a new version; throws `CaseTypeAlreadyExists` when that number is taken (a concurrent publish). */
  addVersion(version: CaseType): Promise<void>;
  /** Records that a version was retired; the version row itself is never rewritten. */
  markRetired(key: string, version: number, retiredAt: string): Promise<void>;
  listFragments(): Promise<Fragment[]>;
  /** Stores a fragment version; create-only like case-type versions. */
  addFragment(fragment: Fragment): Promise<void>;
}

/** A create-only write found the row already there. */
export class CaseTypeAlreadyExists extends Error {
  constructor(readonly what: string) {
    super(`${what} already exists`);
    this.name = 'CaseTypeAlreadyExists';
  }
}

/** The draft changed since the caller read it (or is gone). */
export class CaseTypePreconditionFailed extends Error {
  constructor(readonly key: string) {
    super(`The draft of ${key} has changed`);
    this.name = 'CaseTypePreconditionFailed';
  }
}
