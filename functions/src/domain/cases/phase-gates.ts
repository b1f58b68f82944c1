import { canEnterPhase, isEmpty, rulesOf } from '../case-types';
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
 * Every unmet gate of moving to `target`. Moving on (to a later phase): the required checklist items and
 * the required fields of the phase the case leaves. Always: the target's required fields and FEEL entry
 * rule (canEnterPhase). Moving back to an earlier phase (to redo work) does not ask the phase being left
 * to be complete. Empty when the move may happen; a field is listed once.
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
  const reasons = entryGates(caseType, target, state.fields);
  if (reasons.some((reason) => reason.code === 'phase.unknown')) return reasons;
  const order = (key: string) => caseType.phases.findIndex((phase) => phase.key === key);
  const leaving =
    order(target) > order(state.phase.key)
      ? [
          ...openChecklistItems(state, caseType, state.phase.key),
          ...missingRequiredFields(caseType, state.fields, { phases: [state.phase.key], withoutPhase: false }),
        ]
      : [];
  return onePerPath([...leaving, ...reasons]);
}

/** The first gate per path (a field can be required by its phase and by the target phase). */
export const onePerPath = <G extends { path: string }>(gates: readonly G[]): G[] =>
  gates.filter((gate, index) => gates.findIndex((other) => other.path === gate.path) === index);

/**
 * Fields that must have a value (ADR 0009): `required: true`, or made required by a business rule
 * (`then: { require }`) whose condition holds for these values. The rules are only evaluated when the
 * type has require rules.
 */
export function requiredFields(caseType: PublishedRules, fields: CaseState['fields']): Set<string> {
  const required = new Set(caseType.fields.filter((field) => field.required).map((field) => field.key));
  if (caseType.rules.some((rule) => 'require' in rule.then)) {
    for (const rule of rulesOf(caseType, fields).requireRules()) required.add(rule.then.require);
  }
  return required;
}

/**
 * The required fields (requiredFields) without a value that belong to one of `phases`, and with
 * `withoutPhase` also those that belong to no phase: a field must be filled before the case leaves its
 * phase, and one without a phase before the case closes.
 */
export function missingRequiredFields(
  caseType: PublishedRules,
  fields: CaseState['fields'],
  scope: { phases: readonly string[]; withoutPhase: boolean },
): UnmetGate[] {
  const required = requiredFields(caseType, fields);
  return caseType.fields
    .filter((field) => required.has(field.key) && isEmpty(fields[field.key]))
    .filter((field) => (field.phase === undefined ? scope.withoutPhase : scope.phases.includes(field.phase)))
    .map((field): UnmetGate => ({
      code: 'field.required-missing',
      path: `fields.${field.key}`,
      message:
        field.phase === undefined
          ? `Required before closing: ${field.key}`
          : `Required before leaving ${field.phase}: ${field.key}`,
    }));
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
