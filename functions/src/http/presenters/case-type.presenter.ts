import { createHash } from 'node:crypto';
import type { DraftWithWarnings } from '../../app/case-types/create-draft';
import type { CaseType } from '../../contract/case-type';
import type { CaseTypeDraft, CaseTypeList, CaseTypeVersionList, CaseTypeVersionResponse } from '../../contract/case-type-api';

/**
 * A version's ETag: a hash of its content. The stored row never changes, but retiring changes what
 * GET answers, so the tag follows the presented content, not the row.
 */
export const versionEtag = (version: CaseType): string =>
  `W/"${createHash('sha256').update(JSON.stringify(version)).digest('base64url').slice(0, 22)}"`;

export function presentCaseTypeVersion(version: CaseType): CaseTypeVersionResponse {
  return { ...version, etag: versionEtag(version) };
}

export function presentCaseTypeDraft(draft: DraftWithWarnings): CaseTypeDraft {
  return {
    ...draft.definition,
    status: 'draft',
    etag: draft.etag,
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
    warnings: draft.warnings
      .filter((issue) => issue.severity === 'warning')
      .map(({ path, code, message }) => ({ path, code, message })),
  };
}

export function presentCaseTypeList(types: readonly CaseType[], nextCursor: string | null = null): CaseTypeList {
  return {
    items: types.map((type) => ({
      key: type.key,
      version: type.version,
      name: type.name,
      description: type.description,
      confidentiality: type.confidentiality,
      ...(type.validFrom ? { validFrom: type.validFrom } : {}),
      ...(type.legalTerm ? { legalTerm: type.legalTerm } : {}),
    })),
    nextCursor,
  };
}

export function presentCaseTypeVersionList(versions: readonly CaseType[], nextCursor: string | null = null): CaseTypeVersionList {
  return {
    items: versions.map((v) => ({
      key: v.key,
      version: v.version,
      status: v.status,
      name: v.name,
      ...(v.validFrom ? { validFrom: v.validFrom } : {}),
      ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
      ...(v.retiredAt ? { retiredAt: v.retiredAt } : {}),
    })),
    nextCursor,
  };
}
