import type { CaseType } from '../../contract/case-type';
import type { CaseState } from '../../domain/cases';
import type { CaseTypeRepository } from '../../ports/case-types';

/** The case-type version a case was registered under (published versions are never deleted). */
export async function caseTypeOf(
  deps: { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  state: CaseState,
): Promise<CaseType> {
  const version = await deps.caseTypes.getVersion(state.caseType.key, state.caseType.version);
  if (!version) throw new Error(`case ${state.id}: case type ${state.caseType.key} v${state.caseType.version} is missing`);
  return version;
}
