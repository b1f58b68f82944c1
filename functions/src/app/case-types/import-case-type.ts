import { parse as parseYaml } from 'yaml';
import { type DefinitionFileFormat, importDefinition } from '../../domain/case-types';
import type { UserPrincipal } from '../../domain/principal';
import { CaseTypeAlreadyExists, CaseTypePreconditionFailed, type CaseTypeRepository } from '../../ports/case-types';
import { ifMatchRequired } from '../errors';
import { draftChanged, draftExists } from './case-type-errors';
import { checkDefinition } from './check-definition';
import type { DraftWithWarnings } from './create-draft';

/**
 * Reads a case-type file into the draft of its key: creates the draft, or replaces it when `ifMatch`
 * names the current one (428 without it, like any update). Validated like a saved draft.
 */
export async function importCaseType(
  user: UserPrincipal,
  text: string,
  format: DefinitionFileFormat,
  ifMatch: string | undefined,
  at: string,
  repository: CaseTypeRepository,
): Promise<DraftWithWarnings & { created: boolean }> {
  const { definition, warnings } = await checkDefinition(
    (options) => importDefinition(text, format, options),
    parsedOrUndefined(text, format),
    repository,
  );
  const existing = await repository.getDraft(definition.key);
  try {
    if (!existing) return { ...(await repository.createDraft(definition, user.oid, at)), warnings, created: true };
    if (ifMatch === undefined) throw ifMatchRequired();
    return { ...(await repository.replaceDraft(definition, ifMatch, user.oid, at)), warnings, created: false };
  } catch (error) {
    if (error instanceof CaseTypePreconditionFailed) throw draftChanged(definition.key);
    // Another import or POST created the draft between our read and our write.
    if (error instanceof CaseTypeAlreadyExists) throw draftExists(definition.key);
    throw error;
  }
}

/** Only to tell a structural refusal (400) from a rule refusal (422); importDefinition reports the errors. */
function parsedOrUndefined(text: string, format: DefinitionFileFormat): unknown {
  try {
    return format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch {
    return undefined;
  }
}
