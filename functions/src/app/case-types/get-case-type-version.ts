import type { CaseType } from '../../contract/case-type';
import type { CaseTypeRepository } from '../../ports/case-types';
import { caseTypeNotFound } from './case-type-errors';

/** One version exactly as published (retired versions too: running cases still use them). */
export async function getCaseTypeVersion(key: string, version: number, repository: CaseTypeRepository): Promise<CaseType> {
  const found = await repository.getVersion(key, version);
  if (!found) throw caseTypeNotFound(key, version);
  return found;
}
