import type { CaseType, ChecklistItem, Field } from '../../contract/case-type';
import type { ResolvedDefinition } from '../case-types';

/** The parts of a case type that field validation and phase gates read, fragments resolved. */
export type PublishedRules = Pick<ResolvedDefinition, 'fields' | 'phases' | 'rules'>;

/**
 * Published versions carry their fragments resolved (publish resolves them); a reference left over
 * would be a storage bug, so it is skipped rather than guessed at.
 */
export function publishedRules(caseType: CaseType): PublishedRules {
  return {
    fields: caseType.fields.filter((field): field is Field => 'type' in field),
    phases: caseType.phases.map((phase) => ({
      ...phase,
      checklist: phase.checklist.filter((item): item is ChecklistItem => 'label' in item),
    })),
    rules: caseType.rules,
  };
}
