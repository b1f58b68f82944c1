import { canEnterPhase, evaluateRules } from './evaluate-rules';
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
