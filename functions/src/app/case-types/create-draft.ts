import { validateDefinition } from '../../domain/case-types';
import type { UserPrincipal } from '../../domain/principal';
import { CaseTypeAlreadyExists, type CaseTypeRepository, type StoredDraft } from '../../ports/case-types';
import { draftExists } from './case-type-errors';
import { checkDefinition, type CheckedDefinition } from './check-definition';

export type DraftWithWarnings = StoredDraft & Pick<CheckedDefinition, 'warnings'>;

/** Starts a draft for a new key or a new version of an existing one; refused (409) while a draft exists. */
export async function createDraft(
  user: UserPrincipal,
  input: unknown,
  at: string,
  repository: CaseTypeRepository,
): Promise<DraftWithWarnings> {
  const { definition, warnings } = await checkDefinition((options) => validateDefinition(input, options), input, repository);
  try {
    return { ...(await repository.createDraft(definition, user.oid, at)), warnings };
  } catch (error) {
    if (error instanceof CaseTypeAlreadyExists) throw draftExists(definition.key);
    throw error;
  }
}
