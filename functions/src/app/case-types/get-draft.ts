import { validateDefinition } from '../../domain/case-types';
import { fragmentLookup } from '../../domain/case-types';
import type { CaseTypeRepository } from '../../ports/case-types';
import { draftNotFound } from './case-type-errors';
import type { DraftWithWarnings } from './create-draft';

/** The draft of a key, with the warnings it has now (fragments may have changed since it was saved). */
export async function getDraft(key: string, repository: CaseTypeRepository): Promise<DraftWithWarnings> {
  const draft = await repository.getDraft(key);
  if (!draft) throw draftNotFound(key);
  const validation = validateDefinition(draft.definition, { fragments: fragmentLookup(await repository.listFragments()) });
  return { ...draft, warnings: validation.issues.filter((issue) => issue.severity === 'warning') };
}
