import type { CaseType } from '../../contract/case-type';
import { caseTypeNotPublished, caseTypeVersionConflict, InvalidCaseTypeDefinition } from './errors';
import type { FeelEvaluator } from './feel';
import type { FragmentLookup } from './resolve-fragments';
import { validateDefinition } from './validate-definition';

export interface PublishOptions {
  /** The moment of publishing (UTC instant). */
  readonly publishedAt: string;
  /** First day new cases may use this version; defaults to the draft's validFrom, else the publish date. */
  readonly validFrom?: string;
  readonly fragments?: FragmentLookup;
  readonly feel?: FeelEvaluator;
}

/**
 * Publishes a draft as version n+1 of its key. The result is frozen and holds the content with
 * fragments inlined (each item keeps its pin), so nothing edited later — the draft, a fragment —
 * reaches it. Earlier versions are left as they are: cases that started on them keep running on them.
 */
export function publish(draft: unknown, previousVersions: readonly CaseType[], options: PublishOptions): CaseType {
  const validation = validateDefinition(draft, { fragments: options.fragments, feel: options.feel });
  if (!validation.valid) throw new InvalidCaseTypeDefinition(validation.issues);
  const { resolved } = validation;
  const others = previousVersions.filter((version) => version.key !== resolved.key);
  if (others.length > 0) {
    throw caseTypeVersionConflict(`Versions of ${others[0]?.key} are not versions of ${resolved.key}`);
  }
  const latest = Math.max(0, ...previousVersions.map((version) => version.version));
  return deepFreeze({
    ...resolved,
    validFrom: options.validFrom ?? resolved.validFrom ?? options.publishedAt.slice(0, 10),
    version: latest + 1,
    status: 'published' as const,
    publishedAt: options.publishedAt,
  });
}

/** Stops new cases on a published version; cases already running on it are not touched. */
export function retire(version: CaseType, retiredAt: string): CaseType {
  if (version.status !== 'published') {
    throw caseTypeNotPublished(`Version ${version.version} of ${version.key} is ${version.status}, not published`);
  }
  return deepFreeze({ ...structuredClone(version), status: 'retired' as const, retiredAt });
}

/** The version a new case starts on at `date`: the highest published version valid on that day. */
export function versionForNewCase(versions: readonly CaseType[], date: string): CaseType | undefined {
  return versions
    .filter((version) => version.status === 'published')
    .filter((version) => (version.validFrom ?? '') <= date && (version.validTo === undefined || date <= version.validTo))
    .reduce<CaseType | undefined>((best, version) => (!best || version.version > best.version ? version : best), undefined);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
