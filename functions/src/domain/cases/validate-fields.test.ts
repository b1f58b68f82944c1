import type { Field } from '../../contract/case-type';
import { type FeelEvaluator, feelinEvaluator, type ResolvedDefinition } from '../case-types';
import { validateFieldValues } from './validate-fields';

const field = (key: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({
  key,
  label: key,
  type,
  required: false,
  ...extra,
});
const options = (...keys: string[]) => keys.map((key) => ({ key, label: key }));

const aCaseType = (rules: ResolvedDefinition['rules'] = []): Pick<ResolvedDefinition, 'fields' | 'rules'> => ({
  fields: [
    field('omschrijving', 'text'),
    field('bouwkosten', 'money', { rule: 'bouwkosten >= 0' }),
    field('aantal', 'number'),
    field('spoed', 'boolean'),
    field('besluitdatum', 'date'),
    field('email', 'email'),
    field('telefoon', 'phone'),
    field('advies', 'choice', { options: options('positief', 'negatief') }),
    field('activiteiten', 'multiChoice', { options: options('bouwen', 'slopen') }),
    field('leges', 'money', { rule: 'leges >= 0' }),
  ],
  rules,
});

describe('validateFieldValues', () => {
  it('accepts a value of the right type for every field type', () => {
    const values = {
      omschrijving: 'Dakkapel',
      bouwkosten: 12000,
      aantal: 2,
      spoed: false,
      besluitdatum: '2026-03-01',
      email: 'a@example.nl',
      telefoon: '+31 20 123 4567',
      advies: 'positief',
      activiteiten: ['bouwen', 'slopen'],
    };
    const result = validateFieldValues(aCaseType(), values);
    expect(result.malformed).toEqual([]);
    expect(result.ruleViolations).toEqual([]);
    expect(result.values).toEqual(values);
  });

  it('lists every unknown field and every value of the wrong type', () => {
    const result = validateFieldValues(aCaseType(), {
      onbekend: 1,
      bouwkosten: 'veel',
      spoed: 'ja',
      besluitdatum: '2026-02-30',
      email: 'geen-adres',
      advies: 'misschien',
      activiteiten: ['bouwen', 'vliegen'],
    });
    expect(result.malformed.map(({ field: key, code }) => [key, code])).toEqual([
      ['onbekend', 'field.unknown'],
      ['bouwkosten', 'field.type-mismatch'],
      ['spoed', 'field.type-mismatch'],
      ['besluitdatum', 'field.type-mismatch'],
      ['email', 'field.type-mismatch'],
      ['advies', 'field.option-unknown'],
      ['activiteiten', 'field.option-unknown'],
    ]);
  });

  it('lists every value that breaks its FEEL field rule', () => {
    const result = validateFieldValues(aCaseType(), { bouwkosten: -5, leges: -1, aantal: 3 });
    expect(result.malformed).toEqual([]);
    expect(result.ruleViolations.map((issue) => [issue.field, issue.code])).toEqual([
      ['bouwkosten', 'field.rule-violated'],
      ['leges', 'field.rule-violated'],
    ]);
  });

  it('drops null values as "no value"', () => {
    expect(validateFieldValues(aCaseType(), { omschrijving: null }).values).toEqual({});
  });

  it('fills a field without a value from a default rule of the type', () => {
    const withDefault = aCaseType([
      { key: 'leges-berekenen', when: 'bouwkosten > 0', then: { default: { field: 'leges', value: 'bouwkosten * 0.03' } } },
    ]);
    expect(validateFieldValues(withDefault, { bouwkosten: 1000 }).values).toEqual({ bouwkosten: 1000, leges: 30 });
    expect(validateFieldValues(withDefault, { bouwkosten: 1000, leges: 5 }).values.leges).toBe(5);
  });

  it('evaluates the field rules and the defaults, not the conditions of approval or require rules', () => {
    const evaluated: string[] = [];
    const feel: FeelEvaluator = {
      check: (expression, names) => feelinEvaluator.check(expression, names),
      evaluate: (expression, context) => (evaluated.push(expression), feelinEvaluator.evaluate(expression, context)),
    };
    const withRules = aCaseType([
      { key: 'grote-projecten', when: 'bouwkosten > 1000000', then: { requireApproval: 'coordinator' } },
      { key: 'leges-verplicht', when: 'bouwkosten > 0', then: { require: 'leges' } },
      { key: 'leges-berekenen', when: 'bouwkosten > 0', then: { default: { field: 'leges', value: 'bouwkosten * 0.03' } } },
    ]);
    const result = validateFieldValues(withRules, { bouwkosten: 2_000_000 }, feel);
    expect(result.values).toEqual({ bouwkosten: 2_000_000, leges: 60000 });
    expect(result.ruleViolations).toEqual([]);
    expect(evaluated).toEqual(['bouwkosten >= 0', 'bouwkosten > 0', 'bouwkosten * 0.03']);
  });
});
