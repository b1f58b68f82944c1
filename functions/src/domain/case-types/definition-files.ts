import { parseDocument, stringify } from 'yaml';
import type { CaseTypeDefinition } from '../../contract/case-type';
import type { DefinitionIssue } from './issues';
import { type DefinitionValidation, validateDefinition, type ValidationOptions } from './validate-definition';

export type DefinitionFileFormat = 'yaml' | 'json';

/**
 * Reads a case type from a YAML or JSON file (review in Git, moving between tenants) and validates it
 * with the same schema and checks as the API. A file that does not parse yields one `file.syntax`
 * issue with its line and column.
 */
export function importDefinition(
  text: string,
  format: DefinitionFileFormat,
  options: ValidationOptions = {},
): DefinitionValidation {
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  if ('issue' in parsed) return { valid: false, issues: [parsed.issue] };
  return validateDefinition(parsed.value, options);
}

/** Writes a definition (as written, fragment references kept) in a stable key order. */
export function exportDefinition(definition: CaseTypeDefinition, format: DefinitionFileFormat): string {
  return format === 'json' ? `${JSON.stringify(definition, null, 2)}\n` : stringify(definition, { lineWidth: 0 });
}

function parseYaml(text: string): { value: unknown } | { issue: DefinitionIssue } {
  const document = parseDocument(text, { uniqueKeys: true });
  const [first] = document.errors;
  if (!first) return { value: document.toJS() as unknown };
  const line = first.linePos?.[0];
  return {
    issue: {
      path: line ? `line ${line.line}, column ${line.col}` : '',
      code: 'file.syntax',
      message: first.message.split('\n')[0] ?? first.message,
      severity: 'error',
    },
  };
}

function parseJson(text: string): { value: unknown } | { issue: DefinitionIssue } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { issue: { path: '', code: 'file.syntax', message: (error as Error).message, severity: 'error' } };
  }
}
