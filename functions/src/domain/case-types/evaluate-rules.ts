import { feelinEvaluator, type FeelEvaluator, fromFeelValue, toFeelValue } from './feel';
import type { ResolvedDefinition } from './resolve-fragments';

type CaseTypeRules = Pick<ResolvedDefinition, 'fields' | 'phases' | 'rules'>;
export type FieldValues = Readonly<Record<string, unknown>>;

/** What the case type's rules say about a case's current field values. */
export interface RuleEvaluation {
  /** Fields whose value breaks the field's validation rule. */
  readonly invalidFields: string[];
  /** Role keys whose approval the case now needs (`requireApproval`). */
  readonly requiredApprovals: string[];
  /** Fields the rules make required (`require`), whether or not they have a value yet. */
  readonly requiredFields: string[];
  /** Computed defaults for fields that have no value yet. */
  readonly defaults: Record<string, unknown>;
}

/** The FEEL context: every field by key, absent values as null, dates as FEEL dates. */
function contextOf(caseType: CaseTypeRules, values: FieldValues): Record<string, unknown> {
  return Object.fromEntries(caseType.fields.map((field) => [field.key, toFeelValue(field.type, values[field.key])]));
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** Applies the business rules and field rules. A condition holds only when FEEL yields `true`. */
export function evaluateRules(
  caseType: CaseTypeRules,
  values: FieldValues,
  feel: FeelEvaluator = feelinEvaluator,
): RuleEvaluation {
  const context = contextOf(caseType, values);
  const holds = (expression: string) => feel.evaluate(expression, context) === true;
  const result: RuleEvaluation = { invalidFields: [], requiredApprovals: [], requiredFields: [], defaults: {} };
  for (const field of caseType.fields) {
    if (field.rule !== undefined && !isEmpty(values[field.key]) && !holds(field.rule)) result.invalidFields.push(field.key);
  }
  for (const rule of caseType.rules) {
    if (!holds(rule.when)) continue;
    const action = rule.then;
    if ('requireApproval' in action) result.requiredApprovals.push(action.requireApproval);
    else if ('require' in action) result.requiredFields.push(action.require);
    else if (isEmpty(values[action.default.field])) {
      result.defaults[action.default.field] = fromFeelValue(feel.evaluate(action.default.value, context));
    }
  }
  return result;
}

export type PhaseEntry = { readonly allowed: true } | { readonly allowed: false; readonly reasons: PhaseEntryReason[] };
export interface PhaseEntryReason {
  readonly code: 'phase.unknown' | 'field.required-missing' | 'phase.entry-rule-failed';
  readonly subject: string;
}

/** Whether a case may enter a phase: its required fields have values and its entry rule holds. */
export function canEnterPhase(
  caseType: CaseTypeRules,
  phaseKey: string,
  values: FieldValues,
  feel: FeelEvaluator = feelinEvaluator,
): PhaseEntry {
  const phase = caseType.phases.find((candidate) => candidate.key === phaseKey);
  if (!phase) return { allowed: false, reasons: [{ code: 'phase.unknown', subject: phaseKey }] };
  const reasons: PhaseEntryReason[] = phase.requiredFields
    .filter((key) => isEmpty(values[key]))
    .map((key) => ({ code: 'field.required-missing', subject: key }));
  if (phase.entryRule !== undefined && feel.evaluate(phase.entryRule, contextOf(caseType, values)) !== true) {
    reasons.push({ code: 'phase.entry-rule-failed', subject: phase.entryRule });
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}
