import type { CaseType } from '../../contract/case-type';
import { type CaseSnapshot, canMigrate } from './migration';
import { aDefinition } from './test-builders';
import { publish } from './versioning';

const at = '2026-03-01T09:00:00Z';

function versions(change: (next: ReturnType<typeof aDefinition>) => void): [CaseType, CaseType] {
  const v1 = publish(aDefinition(), [], { publishedAt: at });
  const next = aDefinition();
  change(next);
  return [v1, publish(next, [v1], { publishedAt: at })];
}

const aCase = (overrides: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  caseTypeKey: 'kapvergunning',
  caseTypeVersion: 1,
  status: 'open',
  phase: 'behandeling',
  fields: { aantalBomen: 2, soortBoom: 'eik' },
  ...overrides,
});

describe('migrating a running case to a newer version', () => {
  it('is allowed when the case still fits the new version', () => {
    const [v1, v2] = versions((next) => (next.serviceNorm = 'P4W'));
    expect(canMigrate(aCase(), v1, v2)).toEqual({ allowed: true });
  });

  it('is refused when the case is in a phase that no longer exists', () => {
    const [v1, v2] = versions((next) => next.phases.splice(1, 1));
    expect(canMigrate(aCase(), v1, v2)).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'phase.removed', subject: 'behandeling' })],
    });
  });

  it('is refused when a field required by the current or an earlier phase has no value', () => {
    const [v1, v2] = versions((next) => (next.phases[0]!.requiredFields = ['kosten']));
    expect(canMigrate(aCase(), v1, v2)).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'field.required-missing', subject: 'kosten' })],
    });
  });

  it('does not yet require what a later phase requires', () => {
    const [v1, v2] = versions((next) => next.phases[2]!.requiredFields!.push('kosten'));
    expect(canMigrate(aCase(), v1, v2)).toEqual({ allowed: true });
  });

  it('is refused when a field with a value changed type incompatibly, and allowed for a widening change', () => {
    const [v1, v2] = versions((next) => ((next.fields![0] as { type: string }).type = 'date'));
    expect(canMigrate(aCase(), v1, v2)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'field.type-changed', subject: 'aantalBomen' }],
    });
    const [w1, w2] = versions(
      (next) => (
        ((next.fields![2] as { type: string; options?: unknown }).type = 'text'),
        delete (next.fields![2] as { options?: unknown }).options
      ),
    );
    expect(canMigrate(aCase(), w1, w2)).toEqual({ allowed: true });
  });

  it('is refused when the chosen option was removed', () => {
    const [v1, v2] = versions((next) => (next.fields![2] as { options: unknown[] }).options.shift());
    expect(canMigrate(aCase(), v1, v2)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'field.option-removed', subject: 'soortBoom' }],
    });
  });

  it('is refused for a closed case whose outcome was removed', () => {
    const [v1, v2] = versions((next) => next.outcomes.splice(1, 1));
    const closed = aCase({
      status: 'closed',
      phase: 'besluit',
      outcome: 'geweigerd',
      fields: { aantalBomen: 2, besluitdatum: '2026-04-01' },
    });
    expect(canMigrate(closed, v1, v2)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'outcome.removed', subject: 'geweigerd' }],
    });
  });

  it('lists every reason at once', () => {
    const [v1, v2] = versions((next) => {
      next.phases.splice(1, 1);
      next.fields!.splice(2, 1);
    });
    const result = canMigrate(aCase(), v1, v2);
    expect(result.allowed ? [] : result.reasons.map((reason) => reason.code)).toEqual(['phase.removed', 'field.removed']);
  });

  it('is refused towards an older or the same version', () => {
    const [v1, v2] = versions(() => undefined);
    expect(canMigrate(aCase({ caseTypeVersion: 2 }), v2, v1)).toMatchObject({
      allowed: false,
      reasons: [{ code: 'migration.not-newer' }],
    });
  });
});
