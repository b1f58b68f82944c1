import { diffCaseTypes, isEmptyDiff } from './diff';
import { aDefinition } from './test-builders';
import { publish } from './versioning';

const at = '2026-03-01T09:00:00Z';

describe('the difference between two versions', () => {
  it('is empty between a version and an identical successor', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at });
    const v2 = publish(aDefinition(), [v1], { publishedAt: at });
    expect(isEmptyDiff(diffCaseTypes(v1, v2))).toBe(true);
  });

  it('describes a realistic change: a new phase, a field dropped and one changed, a stricter rule, a longer term', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at });
    const next = aDefinition();
    next.legalTerm = 'P12W';
    next.phases.splice(2, 0, {
      key: 'zienswijze',
      name: 'Zienswijze',
      checklist: [{ key: 'gepubliceerd', label: 'Ontwerpbesluit gepubliceerd' }],
    });
    next.fields = next.fields!.filter((field) => 'key' in field && field.key !== 'soortBoom');
    next.fields[1] = { key: 'kosten', label: 'Kosten herplant (incl. btw)', type: 'money', rule: 'kosten >= 50' };
    next.rules![0]!.when = 'aantalBomen > 5';
    const v2 = publish(next, [v1], { publishedAt: at });

    const diff = diffCaseTypes(v1, v2);

    expect(diff.from).toEqual({ key: 'kapvergunning', version: 1 });
    expect(diff.to).toEqual({ key: 'kapvergunning', version: 2 });
    expect(diff.properties).toEqual([{ property: 'legalTerm', before: 'P8W', after: 'P12W' }]);
    expect(diff.phases.added).toEqual([{ key: 'zienswijze', item: expect.objectContaining({ name: 'Zienswijze' }) }]);
    expect(diff.phases.changed).toEqual([]);
    expect(diff.fields.removed).toEqual([{ key: 'soortBoom', item: expect.objectContaining({ type: 'choice' }) }]);
    expect(diff.fields.changed).toEqual([
      {
        key: 'kosten',
        changes: [
          { property: 'label', before: 'Kosten herplant', after: 'Kosten herplant (incl. btw)' },
          { property: 'rule', before: 'kosten >= 0', after: 'kosten >= 50' },
        ],
      },
    ]);
    expect(diff.rules.changed).toEqual([
      { key: 'veel-bomen', changes: [{ property: 'when', before: 'aantalBomen > 10', after: 'aantalBomen > 5' }] },
    ]);
    expect(diff.outcomes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports a phase that moved, but not the phases an insertion merely shifted', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at });
    const next = aDefinition();
    const [intake, behandeling, besluit] = next.phases;
    next.phases = [behandeling!, intake!, besluit!];
    const diff = diffCaseTypes(v1, publish(next, [v1], { publishedAt: at }));
    expect(diff.phases.changed.map(({ key, changes }) => [key, changes[0]])).toEqual([
      ['behandeling', { property: 'position', before: 1, after: 0 }],
      ['intake', { property: 'position', before: 0, after: 1 }],
    ]);
  });

  it('matches access grants by group and role', () => {
    const v1 = publish(aDefinition(), [], { publishedAt: at });
    const next = aDefinition();
    next.access![1]!.maxConfidentiality = 'zaakvertrouwelijk';
    const diff = diffCaseTypes(v1, publish(next, [v1], { publishedAt: at }));
    expect(diff.access.changed).toEqual([
      {
        key: 'a1b2c3d4-0006-4000-8000-000000000006:reader',
        changes: [{ property: 'maxConfidentiality', before: 'intern', after: 'zaakvertrouwelijk' }],
      },
    ]);
  });
});
