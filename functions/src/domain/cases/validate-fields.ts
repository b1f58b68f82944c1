import type { Field } from '../../contract/case-type';
import { isLocalDate } from '../calendar';
import { rulesOf, type FeelEvaluator, type ResolvedDefinition } from '../case-types';
import { feelinEvaluator } from '../case-types/feel';
import type { JsonValue } from '../events';

export type FieldIssueCode = 'field.unknown' | 'field.type-mismatch' | 'field.option-unknown' | 'field.rule-violated';

/** One invalid field value; `field` is the field's key. */
export interface FieldIssue {
  field: string;
  code: FieldIssueCode;
  message: string;
}

/**
 * The outcome of checking submitted field values against a case type: `malformed` lists values that
 * are unknown or of the wrong type (the request is wrong: 400), `ruleViolations` the values whose FEEL
 * field rule does not hold (422). `values` are the accepted values plus the rules' computed defaults.
 */
export interface FieldValidation {
  malformed: FieldIssue[];
  ruleViolations: FieldIssue[];
  values: { [key: string]: JsonValue };
}

/** Only fields and rules matter here; phases (for phase gates) do not. */
type CaseTypeFields = Pick<ResolvedDefinition, 'fields' | 'rules'>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9][0-9 ()-]{4,24}$/;

/** Why a value does not fit the field's type, or null when it fits. */
function typeProblem(field: Field, value: unknown): { code: FieldIssueCode; message: string } | null {
  const mismatch = (expected: string) => ({ code: 'field.type-mismatch' as const, message: `Expected ${expected}` });
  const optionKeys = new Set((field.options ?? []).map((option) => option.key));
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'person':
    case 'address':
      return typeof value === 'string' && value.trim() !== '' ? null : mismatch('a non-empty string');
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? null : mismatch('a number');
    case 'boolean':
      return typeof value === 'boolean' ? null : mismatch('true or false');
    case 'date':
      return isLocalDate(value) ? null : mismatch('a date YYYY-MM-DD');
    case 'email':
      return typeof value === 'string' && emailPattern.test(value) ? null : mismatch('an e-mail address');
    case 'phone':
      return typeof value === 'string' && phonePattern.test(value) ? null : mismatch('a phone number');
    case 'choice':
      if (typeof value !== 'string') return mismatch('one option key');
      return optionKeys.has(value) ? null : { code: 'field.option-unknown', message: `Not an option: ${value}` };
    case 'multiChoice': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return mismatch('a list of option keys');
      const unknown = value.filter((item) => !optionKeys.has(item));
      return unknown.length === 0 ? null : { code: 'field.option-unknown', message: `Not an option: ${unknown.join(', ')}` };
    }
  }
}

/**
 * Checks submitted values against the case type: every unknown field and every value of the wrong
 * type is listed; only when all fit are the FEEL field rules evaluated (a rule over a mistyped value
 * says nothing). A null value means "no value" and is dropped. Defaults computed by the type's rules
 * fill fields that have no value.
 */
export function validateFieldValues(
  caseType: CaseTypeFields,
  submitted: Readonly<Record<string, unknown>>,
  feel: FeelEvaluator = feelinEvaluator,
): FieldValidation {
  const byKey = new Map(caseType.fields.map((field) => [field.key, field]));
  const malformed: FieldIssue[] = [];
  const values: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(submitted)) {
    const field = byKey.get(key);
    if (!field) {
      malformed.push({ field: key, code: 'field.unknown', message: `The case type has no field ${key}` });
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = typeProblem(field, value);
    if (problem) malformed.push({ field: key, ...problem });
    else values[key] = value as JsonValue;
  }
  if (malformed.length > 0) return { malformed, ruleViolations: [], values };

  // Only the field rules and the defaults: which approvals or fields the rules require is not asked here.
  const rules = rulesOf(caseType, values, feel);
  const ruleViolations = rules.invalidFields().map((key) => ({
    field: key,
    code: 'field.rule-violated' as const,
    message: `The rule of ${key} does not hold: ${byKey.get(key)?.rule ?? ''}`,
  }));
  for (const [key, value] of Object.entries(rules.defaults())) {
    if (values[key] === undefined && value !== undefined) values[key] = value as JsonValue;
  }
  return { malformed, ruleViolations, values };
}
