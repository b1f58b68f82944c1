import type { CaseType } from '../../contract/case-type';
import type { CaseTypeRepository } from '../../ports/case-types';
import { caseTypeNotFound } from './case-type-errors';

/** Every version of a key, lowest first; 404 when the key was never published. */
export async function listCaseTypeVersions(key: string, repository: CaseTypeRepository): Promise<CaseType[]> {
  const versions = await repository.listVersions(key);
  if (versions.length === 0) throw caseTypeNotFound(key);
  return versions;
}
