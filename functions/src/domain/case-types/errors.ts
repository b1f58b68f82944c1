import { DomainError } from '../errors';
import type { DefinitionIssue } from './issues';

/** A definition that cannot be published (or saved) as it is; `issues` lists every problem by path. */
export class InvalidCaseTypeDefinition extends DomainError {
  constructor(readonly issues: readonly DefinitionIssue[]) {
    super('rule-violation', 'case-type.invalid', `The case type has ${issues.length} problem(s); see issues.`);
    this.name = 'InvalidCaseTypeDefinition';
  }
}

export const caseTypeVersionConflict = (message: string) => new DomainError('conflict', 'case-type.version-conflict', message);

export const caseTypeNotPublished = (message: string) => new DomainError('rule-violation', 'case-type.not-published', message);
