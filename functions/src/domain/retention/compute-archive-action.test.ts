import { parseLocalDate } from '../calendar/local-date';
import type { ArchiveInput, OutcomeArchiveSettings } from './archive';
import { computeArchiveAction } from './compute-archive-action';
import { ArchiveFieldNotConfigured } from './retention-errors';

const d = parseLocalDate;

/** A case closed on 15 June 2025 whose outcome says: destroy 5 years after closing. */
function anArchiveInput(
  outcome: Partial<OutcomeArchiveSettings> = {},
  rest: Partial<Omit<ArchiveInput, 'outcome'>> = {},
): ArchiveInput {
  return { outcome: { action: 'destroy', period: 'P5Y', trigger: 'closed', ...outcome }, closedOn: d('2025-06-15'), ...rest };
}

describe('computeArchiveAction: trigger closed', () => {
  it('counts the period from the closing date', () => {
    // 2025-06-15 + 5 years = 2030-06-15
    expect(computeArchiveAction(anArchiveInput())).toEqual({
      action: 'destroy',
      actionDate: '2030-06-15',
      triggerDate: '2025-06-15',
      reason: 'computed',
    });
  });

  it.each([
    ['2024-02-29', 'P5Y', '2029-02-28', '29 February + 5 years: 2029 is a common year → 28 February'],
    ['2024-02-29', 'P4Y', '2028-02-29', '29 February + 4 years: 2028 is a leap year'],
    ['2024-02-29', 'P1Y', '2025-02-28', '29 February + 1 year'],
    ['2024-02-29', 'P100Y', '2124-02-29', '2124 is a leap year (divisible by 4, not by 100)'],
    ['2000-02-29', 'P100Y', '2100-02-28', '2100 is not a leap year (divisible by 100, not by 400)'],
    ['2025-03-31', 'P20Y', '2045-03-31', 'years keep the day of the month'],
    ['2025-08-31', 'P1Y6M', '2027-02-28', 'a period in years and months ends on the last day of February'],
  ])('closed on %s + %s = %s (%s)', (closedOn, period, expected) => {
    expect(computeArchiveAction(anArchiveInput({ period }, { closedOn: d(closedOn) })).actionDate).toBe(expected);
  });

  it('keeps the action retain (blijvend bewaren) with its transfer date', () => {
    expect(computeArchiveAction(anArchiveInput({ action: 'retain', period: 'P20Y' }))).toMatchObject({
      action: 'retain',
      actionDate: '2045-06-15',
    });
  });

  it('has no date while the case is open', () => {
    expect(computeArchiveAction(anArchiveInput({}, { closedOn: null }))).toMatchObject({
      actionDate: null,
      reason: 'case-not-closed',
    });
  });

  it('refuses a period that is not a duration', () => {
    expect(() => computeArchiveAction(anArchiveInput({ period: '5 jaar' }))).toThrow(
      expect.objectContaining({ code: 'duration.invalid' }),
    );
  });
});

describe('computeArchiveAction: trigger field', () => {
  const permit = { trigger: 'field' as const, field: 'vervaldatum', period: 'P1Y' };

  it('counts from the date in the named field', () => {
    // 2030-12-31 + 1 year = 2031-12-31
    expect(computeArchiveAction(anArchiveInput(permit, { fields: { vervaldatum: '2030-12-31' } }))).toMatchObject({
      actionDate: '2031-12-31',
      triggerDate: '2030-12-31',
    });
  });

  it('has no date yet while the field is empty', () => {
    expect(computeArchiveAction(anArchiveInput(permit, { fields: {} }))).toMatchObject({
      actionDate: null,
      reason: 'field-empty',
    });
    expect(computeArchiveAction(anArchiveInput(permit, { fields: { vervaldatum: null } })).reason).toBe('field-empty');
  });

  it('gets its date as soon as the field gets a value after closing', () => {
    const atClosing = computeArchiveAction(anArchiveInput(permit, { fields: { vervaldatum: null } }));
    const later = computeArchiveAction(anArchiveInput(permit, { fields: { vervaldatum: '2028-02-29' } }));
    expect(atClosing.actionDate).toBeNull();
    expect(later.actionDate).toBe('2029-02-28'); // 29 February 2028 + 1 year
  });

  it('has no date when the field holds something that is not a date', () => {
    expect(computeArchiveAction(anArchiveInput(permit, { fields: { vervaldatum: '31-12-2030' } })).reason).toBe(
      'field-not-a-date',
    );
  });

  it('refuses an outcome that does not name its field', () => {
    expect(() => computeArchiveAction(anArchiveInput({ trigger: 'field' }))).toThrow(ArchiveFieldNotConfigured);
  });
});

describe('computeArchiveAction: trigger decision', () => {
  const decisions = [
    { effectiveOn: d('2025-01-01'), expiresOn: d('2027-06-30') },
    { effectiveOn: d('2026-03-01'), expiresOn: d('2026-12-31') },
  ];

  it('counts from the latest expiry date of the decisions', () => {
    // latest of 2027-06-30 and 2026-12-31 = 2027-06-30; + 10 years = 2037-06-30
    expect(computeArchiveAction(anArchiveInput({ trigger: 'decision', period: 'P10Y' }, { decisions }))).toMatchObject({
      triggerDate: '2027-06-30',
      actionDate: '2037-06-30',
    });
  });

  it('uses the effective date of a decision without expiry date', () => {
    // 2025-05-01 + 5 years = 2030-05-01
    const result = computeArchiveAction(
      anArchiveInput({ trigger: 'decision' }, { decisions: [{ effectiveOn: d('2025-05-01') }] }),
    );
    expect(result.actionDate).toBe('2030-05-01');
  });

  it('counts from the latest effective date when the outcome says so', () => {
    // latest effective date 2026-03-01 + 5 years = 2031-03-01
    expect(
      computeArchiveAction(anArchiveInput({ trigger: 'decision', decisionDate: 'effective' }, { decisions })).actionDate,
    ).toBe('2031-03-01');
  });

  it('has no date by expiry while a decision has no expiry date', () => {
    const result = computeArchiveAction(
      anArchiveInput(
        { trigger: 'decision', decisionDate: 'expiry' },
        { decisions: [...decisions, { effectiveOn: d('2025-09-01') }] },
      ),
    );
    expect(result).toMatchObject({ actionDate: null, reason: 'decision-date-missing' });
  });

  it('has no date without decisions', () => {
    expect(computeArchiveAction(anArchiveInput({ trigger: 'decision' }, { decisions: [] })).reason).toBe('no-decisions');
  });
});

describe('computeArchiveAction: trigger related', () => {
  it('counts from the latest closing date of the related cases', () => {
    // latest of 2025-01-10 and 2025-07-01 = 2025-07-01; + 5 years = 2030-07-01
    const result = computeArchiveAction(
      anArchiveInput({ trigger: 'related' }, { relatedClosedOn: [d('2025-01-10'), d('2025-07-01')] }),
    );
    expect(result.actionDate).toBe('2030-07-01');
  });

  it('has no date while a related case is still open', () => {
    const result = computeArchiveAction(anArchiveInput({ trigger: 'related' }, { relatedClosedOn: [d('2025-01-10'), null] }));
    expect(result).toMatchObject({ actionDate: null, reason: 'related-case-open' });
  });

  it('has no date without related cases', () => {
    expect(computeArchiveAction(anArchiveInput({ trigger: 'related' })).reason).toBe('no-related-cases');
  });
});

describe('computeArchiveAction: trigger parent', () => {
  it("counts from the parent case's closing date", () => {
    // 2026-02-28 + 7 years = 2033-02-28
    expect(
      computeArchiveAction(anArchiveInput({ trigger: 'parent', period: 'P7Y' }, { parentClosedOn: d('2026-02-28') })).actionDate,
    ).toBe('2033-02-28');
  });

  it('has no date while the parent is open, nor without a parent', () => {
    expect(computeArchiveAction(anArchiveInput({ trigger: 'parent' }, { parentClosedOn: null })).reason).toBe('parent-open');
    expect(computeArchiveAction(anArchiveInput({ trigger: 'parent' })).reason).toBe('no-parent');
  });
});

describe('computeArchiveAction: trigger manual', () => {
  it('has no date until the records manager sets one', () => {
    expect(computeArchiveAction(anArchiveInput({ trigger: 'manual' }))).toMatchObject({
      actionDate: null,
      reason: 'manual-date-not-set',
    });
  });

  it('counts the period from the date the records manager set', () => {
    // 2031-01-01 + 5 years = 2036-01-01
    expect(computeArchiveAction(anArchiveInput({ trigger: 'manual' }, { manualDate: d('2031-01-01') })).actionDate).toBe(
      '2036-01-01',
    );
  });

  it('takes the set date itself as the action date with a period of P0D', () => {
    expect(
      computeArchiveAction(anArchiveInput({ trigger: 'manual', period: 'P0D' }, { manualDate: d('2031-01-01') })).actionDate,
    ).toBe('2031-01-01');
  });
});
