import { CaseTypeDefinitionSchema, type CaseTypeDefinition } from '../../contract/case-type';
import {
  type DefinitionIssue,
  type DefinitionValidation,
  fragmentLookup,
  InvalidCaseTypeDefinition,
} from '../../domain/case-types';
import type { CaseTypeRepository } from '../../ports/case-types';
import { malformedDefinition } from './case-type-errors';

/** `/case-types/drafts/{key}` and `/case-types/import` would shadow a type with these keys. */
const reservedKeys = new Set(['drafts', 'import']);

export interface CheckedDefinition {
  definition: CaseTypeDefinition;
  warnings: DefinitionIssue[];
}

/**
 * Runs a validation (of a body or of a file) against the stored fragments and turns a refusal into
 * the right error: 400 when the structure is wrong, 422 when rules across a well-formed definition fail.
 */
export async function checkDefinition(
  validate: (options: { fragments: ReturnType<typeof fragmentLookup> }) => DefinitionValidation,
  input: unknown,
  repository: Pick<CaseTypeRepository, 'listFragments'>,
): Promise<CheckedDefinition> {
  const validation = validate({ fragments: fragmentLookup(await repository.listFragments()) });
  if (validation.valid && reservedKeys.has(validation.definition.key)) {
    throw new InvalidCaseTypeDefinition([
      {
        path: 'key',
        code: 'key.reserved',
        message: `"${validation.definition.key}" is part of the API's paths`,
        severity: 'error',
      },
    ]);
  }
  if (validation.valid) return { definition: validation.definition, warnings: validation.issues };
  const wellFormed = input !== undefined && CaseTypeDefinitionSchema.safeParse(input).success;
  throw wellFormed ? new InvalidCaseTypeDefinition(validation.issues) : malformedDefinition(validation.issues);
}
