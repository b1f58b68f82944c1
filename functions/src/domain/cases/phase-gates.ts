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
  const current = caseType.phases.find((phase) => phase.key === state.phase.key);
  const open = (current?.checklist ?? [])
    .filter((item) => item.required && state.checklist[state.phase.key]?.[item.key] !== true)
    .map((item): UnmetGate => ({
      code: 'checklist.item-open',
      path: `checklist.${state.phase.key}.${item.key}`,
      message: `Not done: ${item.label}`,
    }));
  const entry = canEnterPhase(caseType, target, state.fields);
  const reasons: UnmetGate[] = entry.allowed
    ? []
    : entry.reasons.map((reason) => {
        if (reason.code === 'phase.unknown')
          return { code: reason.code, path: 'phase', message: `There is no phase ${reason.subject}` };
        if (reason.code === 'field.required-missing') {
          return { code: reason.code, path: `fields.${reason.subject}`, message: `Required in ${target}: ${reason.subject}` };
        }
        return { code: reason.code, path: 'phase.entryRule', message: `Entry rule not met: ${reason.subject}` };
      });
  if (reasons.some((reason) => reason.code === 'phase.unknown')) return reasons;
  return [...open, ...reasons];
}
