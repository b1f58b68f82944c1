import { canEnterPhase } from '../case-types';
import type { CaseState } from './case-state';
import type { PublishedRules } from './published-type';

/** One condition that keeps a case from moving to a phase. */
export interface UnmetGate {
  code:
    'phase.unknown' | 'phase.same' | 'phase.final' | 'checklist.item-open' | 'field.required-missing' | 'phase.entry-rule-failed';
  /** Where it is: `phase`, `checklist.<phase>.<item>`, `fields.<key>`, `phase.entryRule`. */
  path: string;
  message: string;
}

/**
 * Every unmet gate of moving to `target`: the required checklist items of the phase the case leaves,
 * and the target's required fields and FEEL entry rule (canEnterPhase). Empty when the move may happen.
 */
export function phaseGates(
  state: Pick<CaseState, 'phase' | 'checklist' | 'fields'>,
  caseType: PublishedRules,
  target: string,
): UnmetGate[] {
  if (target === state.phase.key) return [{ code: 'phase.same', path: 'phase', message: `The case is already in ${target}` }];
  // The final phase is entered by closing the case with an outcome (its gates apply there).
  if (caseType.phases.find((phase) => phase.key === target)?.final) {
    return [{ code: 'phase.final', path: 'phase', message: `${target} is the final phase: close the case instead` }];
  }
  const open = openChecklistItems(state, caseType, state.phase.key);
  const reasons = entryGates(caseType, target, state.fields);
  if (reasons.some((reason) => reason.code === 'phase.unknown')) return reasons;
  return [...open, ...reasons];
}

/** The required checklist items of `phaseKey` that are not ticked in the case. */
export function openChecklistItems(state: Pick<CaseState, 'checklist'>, caseType: PublishedRules, phaseKey: string): UnmetGate[] {
  const phase = caseType.phases.find((candidate) => candidate.key === phaseKey);
  return (phase?.checklist ?? [])
    .filter((item) => item.required && state.checklist[phaseKey]?.[item.key] !== true)
    .map((item): UnmetGate => ({
      code: 'checklist.item-open',
      path: `checklist.${phaseKey}.${item.key}`,
      message: `Not done: ${item.label}`,
    }));
}

/** The target's required fields without a value and its failed FEEL entry rule (canEnterPhase). */
export function entryGates(caseType: PublishedRules, target: string, fields: CaseState['fields']): UnmetGate[] {
  const entry = canEnterPhase(caseType, target, fields);
  return entry.allowed
    ? []
    : entry.reasons.map((reason) => {
        if (reason.code === 'phase.unknown')
          return { code: reason.code, path: 'phase', message: `There is no phase ${reason.subject}` };
        if (reason.code === 'field.required-missing') {
          return { code: reason.code, path: `fields.${reason.subject}`, message: `Required in ${target}: ${reason.subject}` };
        }
        return { code: reason.code, path: 'phase.entryRule', message: `Entry rule not met: ${reason.subject}` };
      });
}
