import { validateDefinition } from '../../domain/case-types';
import type { UserPrincipal } from '../../domain/principal';
import { CaseTypePreconditionFailed, type CaseTypeRepository } from '../../ports/case-types';
import { draftChanged, draftNotFound, keyMismatch } from './case-type-errors';
import { checkDefinition } from './check-definition';
import type { DraftWithWarnings } from './create-draft';

/**
 * Replaces the draft of `key` if it is still the one the caller read (`ifMatch`). The definition is
 * validated as a whole on every save, so an invalid rule is refused with its position right away.
 */
export async function updateDraft(
  user: UserPrincipal,
  key: string,
  input: unknown,
  ifMatch: string,
  at: string,
  repository: CaseTypeRepository,
): Promise<DraftWithWarnings> {
  const { definition, warnings } = await checkDefinition((options) => validateDefinition(input, options), input, repository);
  if (definition.key !== key) throw keyMismatch(key, definition.key);
  if (!(await repository.getDraft(key))) throw draftNotFound(key);
  try {
    return { ...(await repository.replaceDraft(definition, ifMatch, user.oid, at)), warnings };
  } catch (error) {
    if (error instanceof CaseTypePreconditionFailed) throw draftChanged(key);
    throw error;
  }
}
