import type { Field } from '../../contract/case-type';
import { shippedCaseType } from '../../test-support/shipped-case-type';
import { canEnterPhase, evaluateRules, type FieldValues, type RuleEvaluation, rulesOf } from './evaluate-rules';
import { type FeelEvaluator, feelinEvaluator, fromFeelValue, toFeelValue } from './feel';
import type { ResolvedDefinition } from './resolve-fragments';
import { aDefinition } from './test-builders';
import { validateDefinition } from './validate-definition';

function caseType(change: (definition: ReturnType<typeof aDefinition>) => void = () => undefined) {
  const definition = aDefinition();
  change(definition);
  const result = validateDefinition(definition);
  if (!result.valid) throw new Error(JSON.stringify(result.issues));
  return result.resolved;
}

describe('evaluating a case type’s FEEL rules against a case', () => {
  it('requires approval by the coordinator only above the threshold', () => {
    expect(evaluateRules(caseType(), { aantalBomen: 11 }).requiredApprovals).toEqual(['coordinator']);
    expect(evaluateRules(caseType(), { aantalBomen: 10 }).requiredApprovals).toEqual([]);
  });

  it('makes a field required when a condition holds', () => {
    expect(evaluateRules(caseType(), { aantalBomen: 4 }).requiredFields).toEqual(['kosten']);
    expect(evaluateRules(caseType(), { aantalBomen: 3 }).requiredFields).toEqual([]);
  });

  it('does not apply a rule whose fields are still empty', () => {
    expect(evaluateRules(caseType(), {})).toEqual({ invalidFields: [], requiredApprovals: [], requiredFields: [], defaults: {} });
  });

  it('flags a value that breaks its field rule', () => {
    expect(evaluateRules(caseType(), { aantalBomen: 2, kosten: -5 }).invalidFields).toEqual(['kosten']);
    expect(evaluateRules(caseType(), { aantalBomen: 2, kosten: 0 }).invalidFields).toEqual([]);
  });

  it('computes a default from other fields, with dates as FEEL dates', () => {
    const withDefault = caseType((d) =>
      d.rules!.push({
        key: 'geldigheid',
        when: 'besluitdatum != null',
        then: { default: { field: 'geldigTot', value: 'besluitdatum + duration("P2Y")' } },
      }),
    );
    expect(evaluateRules(withDefault, { besluitdatum: '2024-02-29' }).defaults).toEqual({ geldigTot: '2026-02-28' });
    expect(evaluateRules(withDefault, { besluitdatum: '2024-02-29', geldigTot: '2030-01-01' }).defaults).toEqual({});
  });

  it('lets a case enter a phase only when its required fields are filled and its entry rule holds', () => {
    expect(canEnterPhase(caseType(), 'behandeling', { aantalBomen: 1 })).toEqual({ allowed: true });
    expect(canEnterPhase(caseType(), 'behandeling', {})).toEqual({
      allowed: false,
      reasons: [
        { code: 'field.required-missing', subject: 'aantalBomen' },
        { code: 'phase.entry-rule-failed', subject: 'aantalBomen > 0' },
      ],
    });
    expect(canEnterPhase(caseType(), 'behandeling', { aantalBomen: 0 })).toMatchObject({ allowed: false });
  });
});

/** The FEEL evaluator, recording each expression it is asked to evaluate. */
function countingEvaluator(): FeelEvaluator & { readonly evaluated: string[] } {
  const evaluated: string[] = [];
  return {
    evaluated,
    check: (expression, knownNames) => feelinEvaluator.check(expression, knownNames),
    evaluate(expression, context) {
      evaluated.push(expression);
      return feelinEvaluator.evaluate(expression, context);
    },
  };
}

type Rules = Pick<ResolvedDefinition, 'fields' | 'rules'>;
const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The straightforward reading, one FEEL evaluation per expression met (how evaluateRules worked before). */
function evaluatedOneByOne(caseType: Rules, values: FieldValues): RuleEvaluation {
  const context = Object.fromEntries(caseType.fields.map((field) => [field.key, toFeelValue(field.type, values[field.key])]));
  const holds = (expression: string) => feelinEvaluator.evaluate(expression, context) === true;
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
      result.defaults[action.default.field] = fromFeelValue(feelinEvaluator.evaluate(action.default.value, context));
    }
  }
  return result;
}

const shipped = (key: string): Rules => {
  const caseType = shippedCaseType(key);
  return { fields: caseType.fields.filter((field): field is Field => 'type' in field), rules: caseType.rules };
};

const withDateDefault = caseType((d) =>
  d.rules!.push(
    {
      key: 'geldigheid',
      when: 'besluitdatum != null',
      then: { default: { field: 'geldigTot', value: 'besluitdatum + duration("P2Y")' } },
    },
    { key: 'herplant-kosten', when: 'aantalBomen > 3', then: { default: { field: 'kosten', value: 'aantalBomen * 250' } } },
  ),
);

const states: [string, Rules, FieldValues[]][] = [
  [
    'omgevingsvergunning',
    shipped('omgevingsvergunning'),
    [{}, { bouwkosten: 12000 }, { bouwkosten: 2_000_000, leges: 60000 }, { bouwkosten: -1 }, { bouwkosten: 0, leges: -3 }],
  ],
  [
    'subsidieaanvraag',
    shipped('subsidieaanvraag'),
    [{}, { bedrag: 5000 }, { bedrag: 15000, toegekendBedrag: 16000 }, { bedrag: 0 }, { bedrag: 10000, toegekendBedrag: 9000 }],
  ],
  [
    'klacht',
    shipped('klacht'),
    [{}, { oordeel: 'gegrond', betrokkenMedewerker: 'Jan' }, { oordeel: 'ongegrond', betrokkenMedewerker: 'Jan' }],
  ],
  ['storingsonderhoud-netwerk', shipped('storingsonderhoud-netwerk'), [{}, { aannemerKosten: 30000 }, { aannemerKosten: -2 }]],
  [
    'a type with date defaults',
    withDateDefault,
    [
      {},
      { aantalBomen: 4, besluitdatum: '2024-02-29' },
      { aantalBomen: 11, kosten: -5, besluitdatum: '2026-03-10', geldigTot: '2030-01-01' },
    ],
  ],
];

describe('the rules of one case state', () => {
  it.each(states)('give what evaluating each expression one by one gives (%s)', (_name, rules, valueSets) => {
    for (const values of valueSets) expect(evaluateRules(rules, values)).toEqual(evaluatedOneByOne(rules, values));
  });

  it('evaluate an expression that occurs twice only once for the state', () => {
    // `bouwkosten > 0` is the condition of two rules (leges-verplicht, leges-berekenen).
    const feel = countingEvaluator();
    const result = evaluateRules(shipped('omgevingsvergunning'), { bouwkosten: 12000 }, feel);
    expect(result).toEqual(evaluatedOneByOne(shipped('omgevingsvergunning'), { bouwkosten: 12000 }));
    expect(feel.evaluated).toEqual(['bouwkosten >= 0', 'bouwkosten > 1000000', 'bouwkosten > 0', 'bouwkosten * 0.03']);
  });

  it('evaluate a field rule and a rule condition with the same text once (subsidieaanvraag: bedrag > 0)', () => {
    const feel = countingEvaluator();
    rulesOf(shipped('subsidieaanvraag'), { bedrag: 5000 }, feel).defaults();
    const again = rulesOf(shipped('subsidieaanvraag'), { bedrag: 5000 }, feel);
    expect(again.invalidFields()).toEqual([]);
    expect(again.defaults()).toEqual({ toegekendBedrag: 5000 });
    // A state's results are its own: the second state evaluates again, but each expression once.
    expect(feel.evaluated).toEqual(['bedrag > 0', 'bedrag', 'bedrag > 0', 'bedrag']);
  });

  it('evaluate only what is asked: field rules, approval conditions, defaults', () => {
    const rules = shipped('omgevingsvergunning');
    const values = { bouwkosten: 2_000_000, leges: 60000 };

    const fieldRules = countingEvaluator();
    expect(rulesOf(rules, values, fieldRules).invalidFields()).toEqual([]);
    expect(fieldRules.evaluated).toEqual(['bouwkosten >= 0', 'leges >= 0']);

    const approvals = countingEvaluator();
    expect(
      rulesOf(rules, values, approvals)
        .approvalRules()
        .map((rule) => rule.key),
    ).toEqual(['grote-projecten']);
    expect(approvals.evaluated).toEqual(['bouwkosten > 1000000']);

    // leges has a value, so the rule that would compute it is not evaluated at all.
    const defaults = countingEvaluator();
    expect(rulesOf(rules, values, defaults).defaults()).toEqual({});
    expect(defaults.evaluated).toEqual([]);
  });

  it('answer for their own values: another state gets another answer', () => {
    const rules = shipped('omgevingsvergunning');
    expect(rulesOf(rules, { bouwkosten: 12000 }).defaults()).toEqual({ leges: 360 });
    expect(rulesOf(rules, { bouwkosten: 20000 }).defaults()).toEqual({ leges: 600 });
    expect(
      rulesOf(rules, { bouwkosten: 2_000_000 })
        .approvalRules()
        .map((rule) => rule.key),
    ).toEqual(['grote-projecten']);
    expect(rulesOf(rules, { bouwkosten: 20000 }).approvalRules()).toEqual([]);
  });
});
