/** Case types (zaaktypen): validation, FEEL rules, versions, diff, migration, fragments and files. */
export { validateDefinition, type DefinitionValidation, type ValidationOptions } from './validate-definition';
export type { DefinitionIssue } from './issues';
export { resolveFragments, fragmentLookup, type FragmentLookup, type ResolvedDefinition } from './resolve-fragments';
export { feelinEvaluator, type FeelEvaluator, type FeelProblem } from './feel';
export {
  evaluateRules,
  rulesOf,
  canEnterPhase,
  isEmpty,
  type RuleEvaluation,
  type StateRules,
  type ApprovalRule,
  type PhaseEntry,
  type FieldValues,
} from './evaluate-rules';
export { publish, retire, versionForNewCase, type PublishOptions } from './versioning';
export { diffCaseTypes, isEmptyDiff, type CaseTypeDiff, type CollectionDiff, type PropertyChange } from './diff';
export { canMigrate, type CaseSnapshot, type MigrationCheck, type MigrationReason } from './migration';
export { importDefinition, exportDefinition, type DefinitionFileFormat } from './definition-files';
export { InvalidCaseTypeDefinition } from './errors';
export { parseIsoDuration, type IsoDuration } from '../calendar/duration';
