import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDefinition, importDefinition } from './definition-files';
import { evaluateRules } from './evaluate-rules';
import { aDefinition } from './test-builders';
import { validateDefinition } from './validate-definition';

const shipped = ['omgevingsvergunning', 'klacht', 'subsidieaanvraag', 'storingsonderhoud-netwerk'];
const read = (key: string) => readFileSync(join(__dirname, '../../../case-types', `${key}.yaml`), 'utf8');

function imported(key: string) {
  const result = importDefinition(read(key), 'yaml');
  if (!result.valid) throw new Error(`${key}: ${JSON.stringify(result.issues, null, 2)}`);
  return result;
}

describe('the shipped example case types', () => {
  it.each(shipped)('%s validates without errors or warnings', (key) => {
    const result = importDefinition(read(key), 'yaml');
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.valid && result.definition.key).toBe(key);
  });

  it('omgevingsvergunning keeps a granted permit permanently and destroys refusals after five years', () => {
    const { definition } = imported('omgevingsvergunning');
    expect(definition).toMatchObject({
      legalTerm: 'P8W',
      extension: { allowed: true, max: 'P6W' },
      suspension: { allowed: true },
    });
    expect(definition.outcomes).toEqual([
      expect.objectContaining({ key: 'verleend', archive: { action: 'retain', trigger: 'closed' } }),
      expect.objectContaining({
        key: 'geweigerd',
        archive: { action: 'destroy', period: 'P5Y', trigger: 'closed' },
        selectionList: '11.2',
      }),
      expect.objectContaining({ key: 'ingetrokken', archive: { action: 'destroy', period: 'P1Y', trigger: 'closed' } }),
    ]);
  });

  it('subsidieaanvraag asks the coordinator to approve amounts above 10.000 euro', () => {
    const { resolved } = imported('subsidieaanvraag');
    expect(evaluateRules(resolved, { bedrag: 12500 }).requiredApprovals).toEqual(['coordinator']);
    expect(evaluateRules(resolved, { bedrag: 10000 }).requiredApprovals).toEqual([]);
    expect(resolved.documentTypes).toContainEqual(expect.objectContaining({ template: 'besluit.docx' }));
  });

  it('klacht consults the employee involved and surveys satisfaction', () => {
    const { definition } = imported('klacht');
    expect(definition.serviceNorm).toBe('P6W');
    expect(definition.phases.flatMap((phase) => phase.tasks)).toContainEqual(expect.objectContaining({ kind: 'consultation' }));
    expect(definition.outcomes.some((outcome) => 'satisfactionSurvey' in outcome && outcome.satisfactionSurvey)).toBe(true);
  });

  it('storingsonderhoud has no legal term, an internal SLA, an external contractor and safety checks in every phase', () => {
    const { definition } = imported('storingsonderhoud-netwerk');
    expect(definition.legalTerm).toBeUndefined();
    expect(definition.serviceNorm).toBe('PT48H');
    expect(definition.roles).toContainEqual(expect.objectContaining({ key: 'aannemer', external: true }));
    expect(definition.phases.every((phase) => phase.checklist.some((item) => 'required' in item && item.required))).toBe(true);
  });
});

describe('case types as files', () => {
  it.each(['yaml', 'json'] as const)('round-trips through %s to an identical definition', (format) => {
    for (const key of shipped) {
      const { definition } = imported(key);
      const again = importDefinition(exportDefinition(definition, format), format);
      expect(again.valid && again.definition).toEqual(definition);
    }
  });

  it('round-trips a definition with a fragment reference, keeping the reference', () => {
    const checked = validateDefinition(
      { ...aDefinition(), fields: [...aDefinition().fields!, { fragment: 'locatie', version: 1 }] },
      {
        fragments: () => ({
          key: 'locatie',
          version: 1,
          name: 'Locatie',
          kind: 'fields',
          items: [{ key: 'adres', label: 'Adres', type: 'address', required: false }],
        }),
      },
    );
    if (!checked.valid) throw new Error('example invalid');
    const text = exportDefinition(checked.definition, 'yaml');
    expect(text).toContain('fragment: locatie');
  });

  it('names the path of every invalid value in a file', () => {
    const text = read('klacht')
      .replace('legalTerm: P6W', 'legalTerm: zes weken')
      .replace('label: Klacht valt onder de klachtenregeling, ', '');
    expect(importDefinition(text, 'yaml').issues.map(({ path, code }) => `${path}: ${code}`)).toEqual([
      'legalTerm: duration.invalid',
      'phases[0].checklist[1].label: required',
    ]);
  });

  it('reports a file that is not YAML with its line and column', () => {
    const result = importDefinition('key: klacht\nname: [Klacht\n', 'yaml');
    expect(result).toMatchObject({
      valid: false,
      issues: [{ code: 'file.syntax', path: expect.stringMatching(/^line \d+, column \d+$/) }],
    });
  });

  it('reports malformed JSON', () => {
    expect(importDefinition('{"key": ', 'json')).toMatchObject({ valid: false, issues: [{ code: 'file.syntax' }] });
  });
});
