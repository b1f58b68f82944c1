import { type CaseTypeDiff, diffCaseTypes, fragmentLookup, resolveFragments } from '../../domain/case-types';
import type { CaseTypeRepository } from '../../ports/case-types';
import { caseTypeNotFound, draftNotFound } from './case-type-errors';

/**
 * The structured differences between two versions of a key, or between a version and the draft
 * (`to: 'draft'`: what publishing would change; the draft is compared with its fragments inlined).
 */
export async function diffCaseTypeVersions(
  key: string,
  from: number,
  to: number | 'draft',
  repository: CaseTypeRepository,
): Promise<CaseTypeDiff> {
  const before = await repository.getVersion(key, from);
  if (!before) throw caseTypeNotFound(key, from);
  if (to !== 'draft') {
    const after = await repository.getVersion(key, to);
    if (!after) throw caseTypeNotFound(key, to);
    return diffCaseTypes(before, after);
  }
  const draft = await repository.getDraft(key);
  if (!draft) throw draftNotFound(key);
  const { resolved } = resolveFragments(draft.definition, fragmentLookup(await repository.listFragments()));
  return diffCaseTypes(before, resolved);
}
