import type { CaseType } from '../../contract/case-type';
import { retire } from '../../domain/case-types';
import { CaseTypeAlreadyExists, type CaseTypeRepository } from '../../ports/case-types';
import { alreadyRetired, caseTypeNotFound } from './case-type-errors';

/** Stops new cases on a version; running cases keep it. Retiring twice is a 409. */
export async function retireCaseTypeVersion(
  key: string,
  version: number,
  at: string,
  repository: CaseTypeRepository,
): Promise<CaseType> {
  const current = await repository.getVersion(key, version);
  if (!current) throw caseTypeNotFound(key, version);
  if (current.status === 'retired') throw alreadyRetired(key, version);
  const retired = retire(current, at);
  try {
    await repository.markRetired(key, version, at);
  } catch (error) {
    if (error instanceof CaseTypeAlreadyExists) throw alreadyRetired(key, version);
    throw error;
  }
  return retired;
}
