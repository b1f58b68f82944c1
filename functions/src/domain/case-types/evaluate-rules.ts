import type { BusinessRule } from '../../contract/case-type';
import { feelinEvaluator, type FeelEvaluator, fromFeelValue, toFeelValue } from './feel';
import type { ResolvedDefinition } from './resolve-fragments';

type CaseTypeRules = Pick<ResolvedDefinition, 'fields' | 'phases' | 'rules'>;
type CaseTypeFieldRules = Pick<ResolvedDefinition, 'fields' | 'rules'>;
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

export type ApprovalRule = BusinessRule & { readonly then: { readonly requireApproval: string } };
type RequireRule = BusinessRule & { readonly then: { readonly require: string } };
type DefaultRule = BusinessRule & { readonly then: { readonly default: { readonly field: string; readonly value: string } } };

/**
 * The rules of one case state (one set of field values), each part evaluated only when asked for:
 * field validation needs the field rules and the defaults, closing only the approval rules. FEEL is
 * evaluated at most once per distinct expression for the state (a field rule and a rule's `when` are
 * often the same text, e.g. `bedrag > 0`); feelin parses the text again on every evaluation.
 */
export interface StateRules {
  /** Fields whose (non-empty) value breaks the field's rule. */
  invalidFields(): string[];
  /** The `requireApproval` rules whose condition holds, in definition order. */
  approvalRules(): ApprovalRule[];
  /** The `require` rules whose condition holds, in definition order. */
  requireRules(): RequireRule[];
  /** Computed defaults for fields without a value (a rule for a field that has one is not evaluated). */
  defaults(): Record<string, unknown>;
}

/** The FEEL context: every field by key, absent values as null, dates as FEEL dates. */
function contextOf(caseType: Pick<CaseTypeRules, 'fields'>, values: FieldValues): Record<string, unknown> {
  return Object.fromEntries(caseType.fields.map((field) => [field.key, toFeelValue(field.type, values[field.key])]));
}

/** No value: absent, null or the empty string (a field to fill in). */
export const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The rules of `caseType` over `values`: see StateRules. A condition holds only when FEEL yields `true`. */
export function rulesOf(caseType: CaseTypeFieldRules, values: FieldValues, feel: FeelEvaluator = feelinEvaluator): StateRules {
  const context = contextOf(caseType, values);
  // One state, so one result per expression: FEEL evaluation reads nothing but the expression and
  // this context. Bounded by the case type's expressions; lives as long as this object.
  const results = new Map<string, unknown>();
  const valueOf = (expression: string): unknown => {
    if (!results.has(expression)) results.set(expression, feel.evaluate(expression, context));
    return results.get(expression);
  };
  const holds = (expression: string) => valueOf(expression) === true;
  return {
    invalidFields: () =>
      caseType.fields
        .filter((field) => field.rule !== undefined && !isEmpty(values[field.key]) && !holds(field.rule))
        .map((field) => field.key),
    approvalRules: () =>
      caseType.rules.filter((rule): rule is ApprovalRule => 'requireApproval' in rule.then && holds(rule.when)),
    requireRules: () => caseType.rules.filter((rule): rule is RequireRule => 'require' in rule.then && holds(rule.when)),
    defaults() {
      const defaults: Record<string, unknown> = {};
      for (const rule of caseType.rules) {
        if (!('default' in rule.then)) continue;
        const { field, value } = (rule as DefaultRule).then.default;
        if (isEmpty(values[field]) && holds(rule.when)) defaults[field] = fromFeelValue(valueOf(value));
      }
      return defaults;
    },
  };
}

/** Applies the business rules and field rules: everything StateRules answers, at once. */
export function evaluateRules(
  caseType: CaseTypeFieldRules,
  values: FieldValues,
  feel: FeelEvaluator = feelinEvaluator,
): RuleEvaluation {
  const rules = rulesOf(caseType, values, feel);
  return {
    invalidFields: rules.invalidFields(),
    requiredApprovals: rules.approvalRules().map((rule) => rule.then.requireApproval),
    requiredFields: rules.requireRules().map((rule) => rule.then.require),
    defaults: rules.defaults(),
  };
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
