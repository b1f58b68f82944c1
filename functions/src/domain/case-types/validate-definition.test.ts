import type { CaseTypeDefinitionInput } from '../../contract/case-type';
import { fragmentLookup } from './resolve-fragments';
import { aDefinition, anAddressFragment } from './test-builders';
import { validateDefinition } from './validate-definition';

type Change = (definition: CaseTypeDefinitionInput & Record<string, unknown>) => void;

function issuesAfter(change: Change) {
  const definition = aDefinition() as CaseTypeDefinitionInput & Record<string, unknown>;
  change(definition);
  return validateDefinition(definition, { fragments: fragmentLookup([anAddressFragment(1)]) }).issues;
}

const phase = (d: CaseTypeDefinitionInput, i: number) => d.phases[i]!;
const field = (d: CaseTypeDefinitionInput, i: number) => d.fields![i] as Record<string, unknown>;
const outcome = (d: CaseTypeDefinitionInput, i: number) => d.outcomes[i] as { archive: Record<string, unknown> };

describe('validating a case-type definition', () => {
  it('accepts the example definition without issues', () => {
    const result = validateDefinition(aDefinition());
    expect(result).toMatchObject({ valid: true, issues: [] });
  });

  // Each row is one invalid definition: the change, then the path and code that must be reported.
  const invalidDefinitions: [string, Change, string, string][] = [
    [
      'a missing checklist label',
      (d) => delete (phase(d, 0).checklist![0] as { label?: string }).label,
      'phases[0].checklist[0].label',
      'required',
    ],
    ['duplicate phase keys', (d) => (phase(d, 1).key = 'intake'), 'phases[1].key', 'key.duplicate'],
    ['duplicate field keys', (d) => (field(d, 1).key = 'aantalBomen'), 'fields[1].key', 'key.duplicate'],
    ['duplicate outcome keys', (d) => ((d.outcomes[1] as { key: string }).key = 'verleend'), 'outcomes[1].key', 'key.duplicate'],
    [
      'duplicate checklist items',
      (d) => phase(d, 0).checklist!.push({ key: 'ontvankelijk', label: 'Nog eens' }),
      'phases[0].checklist[1].key',
      'key.duplicate',
    ],
    [
      'duplicate document types',
      (d) => d.documentTypes!.push({ key: 'besluit', name: 'B', confidentiality: 'intern' }),
      'documentTypes[1].key',
      'key.duplicate',
    ],
    [
      'duplicate roles',
      (d) => d.roles!.push({ key: 'aanvrager', kind: 'applicant', name: 'A' }),
      'roles[3].key',
      'key.duplicate',
    ],
    ['no final phase', (d) => (phase(d, 2).final = false), 'phases', 'phase.final-missing'],
    ['two final phases', (d) => (phase(d, 1).final = true), 'phases[2].final', 'phase.final-multiple'],
    [
      'a final phase that is not last',
      (d) => d.phases.push({ key: 'nazorg', name: 'Nazorg' }),
      'phases[2].final',
      'phase.final-not-last',
    ],
    [
      'an unknown required field',
      (d) => phase(d, 2).requiredFields!.push('handtekening'),
      'phases[2].requiredFields[1]',
      'field.unknown',
    ],
    [
      'an unknown field in a rule',
      (d) => (d.rules![0]!.when = 'aantalBomen > 10 and bouwkosten > 5'),
      'rules[0].when',
      'feel.unknown-name',
    ],
    ['a rule that does not parse', (d) => (d.rules![0]!.when = 'aantalBomen >'), 'rules[0].when', 'feel.syntax'],
    ['a field rule that does not parse', (d) => (field(d, 1).rule = 'kosten >= (0'), 'fields[1].rule', 'feel.syntax'],
    [
      'an unknown function in an entry rule',
      (d) => (phase(d, 1).entryRule = 'telop(aantalBomen) > 0'),
      'phases[1].entryRule',
      'feel.unknown-name',
    ],
    [
      'a rule requiring an unknown field',
      (d) => (d.rules![1]!.then = { require: 'herplantplan' }),
      'rules[1].then.require',
      'field.unknown',
    ],
    [
      'a rule requiring approval by an unknown role',
      (d) => (d.rules![0]!.then = { requireApproval: 'wethouder' }),
      'rules[0].then.requireApproval',
      'role.unknown',
    ],
    [
      'an extension maximum without extension allowed',
      (d) => (d.extension = { allowed: false, max: 'P6W' }),
      'extension.max',
      'extension.max-without-allowed',
    ],
    ['a negative duration', (d) => (d.legalTerm = '-P8W'), 'legalTerm', 'duration.not-positive'],
    ['a zero duration', (d) => (d.serviceNorm = 'P0D'), 'serviceNorm', 'duration.not-positive'],
    ['an invalid ISO duration', (d) => (d.legalTerm = '8 weken'), 'legalTerm', 'duration.invalid'],
    ['a legal term in hours', (d) => (d.legalTerm = 'PT48H'), 'legalTerm', 'duration.calendar-units-only'],
    [
      'a retention period in hours',
      (d) => (outcome(d, 0).archive.period = 'PT1H'),
      'outcomes[0].archive.period',
      'duration.calendar-units-only',
    ],
    [
      'an unknown confidentiality level',
      (d) => (d.confidentiality = 'staatsgeheim' as 'intern'),
      'confidentiality',
      'confidentiality.unknown',
    ],
    [
      'a trigger "field" without a field',
      (d) => delete outcome(d, 0).archive.field,
      'outcomes[0].archive.field',
      'archive.field-missing',
    ],
    [
      'a trigger "field" naming a non-date field',
      (d) => (outcome(d, 0).archive.field = 'kosten'),
      'outcomes[0].archive.field',
      'archive.field-not-date',
    ],
    [
      'destruction without a period',
      (d) => delete outcome(d, 1).archive.period,
      'outcomes[1].archive.period',
      'archive.period-missing',
    ],
    ['a choice field without options', (d) => delete field(d, 2).options, 'fields[2].options', 'field.options-missing'],
    [
      'duplicate option keys',
      (d) => ((field(d, 2).options as { key: string }[])[1]!.key = 'eik'),
      'fields[2].options[1].key',
      'key.duplicate',
    ],
    ['a field in an unknown phase', (d) => (field(d, 3).phase = 'afhandeling'), 'fields[3].phase', 'phase.unknown'],
    [
      'a task assignee group that is not a GUID',
      (d) => (phase(d, 1).tasks![0]!.assigneeGroup = 'Team Groen'),
      'phases[1].tasks[0].assigneeGroup',
      'guid.invalid',
    ],
    [
      'an unknown maximum confidentiality in access',
      (d) => (d.access![0]!.maxConfidentiality = 'topgeheim' as 'intern'),
      'access[0].maxConfidentiality',
      'confidentiality.unknown',
    ],
    ['reversed validity dates', (d) => (d.validTo = '2025-12-31'), 'validTo', 'validity.reversed'],
    [
      'a fragment version that does not exist',
      (d) => d.fields!.push({ fragment: 'locatie', version: 7 }),
      'fields[5]',
      'fragment.unknown',
    ],
    [
      'a fields fragment used as outcomes',
      (d) => d.outcomes.push({ fragment: 'locatie', version: 1 }),
      'outcomes[2]',
      'fragment.kind-mismatch',
    ],
    ['a field key that FEEL cannot name', (d) => (field(d, 1).key = 'herplant-kosten'), 'fields[1].key', 'field.key-invalid'],
    ['a field key that is a FEEL keyword', (d) => (field(d, 1).key = 'between'), 'fields[1].key', 'field.key-reserved'],
    [
      'lex silencio without a legal term',
      (d) => ((d.lexSilencio = true), (d.extension = { allowed: false }), delete d.legalTerm),
      'lexSilencio',
      'lex-silencio.without-legal-term',
    ],
    [
      'a selection-list entry that is not a number',
      (d) => ((d.outcomes[1] as { selectionList: string }).selectionList = 'elf'),
      'outcomes[1].selectionList',
      'selection-list.invalid',
    ],
    [
      'an intake form naming an unknown field',
      (d) => (d.intakeForm = { title: 'Aanvraag', fields: [{ field: 'boomhoogte' }] }),
      'intakeForm.fields[0].field',
      'field.unknown',
    ],
    ['an access grant listed twice', (d) => d.access!.push({ ...d.access![0]! }), 'access[2]', 'access.duplicate'],
  ];

  it.each(invalidDefinitions)('refuses %s', (_name, change, path, code) => {
    const issues = issuesAfter(change);
    expect(issues).toContainEqual(expect.objectContaining({ path, code, severity: 'error' }));
    expect(validateDefinitionAfter(change).valid).toBe(false);
  });

  it('lists every error of a definition at once, each by path', () => {
    const issues = issuesAfter((d) => {
      phase(d, 1).key = 'intake';
      phase(d, 2).final = false;
      d.extension = { allowed: false, max: 'P6W' };
      d.rules![0]!.when = 'onbekend > 1';
    });
    expect(issues.map(({ path, code }) => `${path}: ${code}`).sort()).toEqual([
      'extension.max: extension.max-without-allowed',
      'phases: phase.final-missing',
      'phases[1].key: key.duplicate',
      'rules[0].when: feel.unknown-name',
    ]);
  });

  it('lists every structural error, not only the first', () => {
    const issues = issuesAfter((d) => {
      delete (phase(d, 0).checklist![0] as { label?: string }).label;
      d.legalTerm = 'acht weken';
      d.confidentiality = 'geheimpje' as 'intern';
    });
    expect(issues.map(({ path, code }) => `${path}: ${code}`).sort()).toEqual([
      'confidentiality: confidentiality.unknown',
      'legalTerm: duration.invalid',
      'phases[0].checklist[0].label: required',
    ]);
  });

  it('gives the position of an unknown name inside the expression', () => {
    const issues = issuesAfter((d) => (d.rules![0]!.when = 'aantalBomen > 10 and bouw kosten > 5'));
    expect(issues).toEqual([
      expect.objectContaining({ path: 'rules[0].when', code: 'feel.unknown-name', position: { from: 21, to: 32 } }),
    ]);
  });

  it('gives the position of a syntax error', () => {
    const [issue] = issuesAfter((d) => (d.rules![0]!.when = 'aantalBomen > 10 and ('));
    expect(issue).toMatchObject({ code: 'feel.syntax', position: { from: 22, to: 22 } });
  });

  it('accepts names an expression binds itself and built-in functions', () => {
    const issues = issuesAfter((d) => {
      d.rules![0]!.when = 'some n in [aantalBomen, 1] satisfies n > 10 and count([1,2][item > 1]) = 1';
      field(d, 1).rule = 'kosten >= 0 and date("2026-01-01") < today()';
    });
    expect(issues).toEqual([]);
  });

  it('warns, without refusing, when the service norm is longer than the legal term', () => {
    const definition = { ...aDefinition(), serviceNorm: 'P3M' };
    const result = validateDefinition(definition);
    expect(result.valid).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({ path: 'serviceNorm', code: 'service-norm.exceeds-legal-term', severity: 'warning' }),
    ]);
  });

  it('names the item inside a fragment when the fragment brings a duplicate key', () => {
    const issues = issuesAfter((d) => {
      field(d, 0).key = 'adres';
      d.fields!.push({ fragment: 'locatie', version: 1 });
    });
    expect(issues).toContainEqual(expect.objectContaining({ path: 'fields[5]<locatie@1>[0].key', code: 'key.duplicate' }));
  });
});

function validateDefinitionAfter(change: Change) {
  const definition = aDefinition() as CaseTypeDefinitionInput & Record<string, unknown>;
  change(definition);
  return validateDefinition(definition, { fragments: fragmentLookup([anAddressFragment(1)]) });
}
