import type { CaseTypeDefinition } from '../../contract/case-type';
import { type DefinitionFileFormat, exportDefinition } from '../../domain/case-types';
import type { CaseTypeRepository } from '../../ports/case-types';
import { getCaseTypeVersion } from './get-case-type-version';

/**
 * A version as a file to review in Git or import in another tenant: its definition without the
 * version's own state (number, status, publish and retire instants), which the target assigns anew.
 */
export async function exportCaseTypeVersion(
  key: string,
  version: number,
  format: DefinitionFileFormat,
  repository: CaseTypeRepository,
): Promise<string> {
  const {
    version: _number,
    status: _status,
    publishedAt: _published,
    retiredAt: _retired,
    ...definition
  } = await getCaseTypeVersion(key, version, repository);
  return exportDefinition(definition satisfies CaseTypeDefinition, format);
}
