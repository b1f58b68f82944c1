import type { Outcome } from '../../contract/case-type';
import { archiveAfterReopen, archiveFor } from './case-archive';
import type { CaseState } from './case-state';

const outcome = (archive: Outcome['archive']): Pick<Outcome, 'archive'> => ({ archive });
const closed = (overrides: Partial<Pick<CaseState, 'closedOn' | 'fields' | 'archive'>> = {}) => ({
  closedOn: '2025-06-15',
  fields: {},
  archive: { action: null, actionDate: null, status: 'pending' as const },
  ...overrides,
});

/** Retention wired to the case (DUTCH-RULES §2): one example per trigger, computed by hand. */
describe('archiveFor: the archive fields of a closed case', () => {
  it('trigger closed: closing date + period (15 June 2025 + 5 years = 15 June 2030)', () => {
    expect(archiveFor(outcome({ action: 'destroy', period: 'P5Y', trigger: 'closed' }), closed())).toMatchObject({
      action: 'destroy',
      actionDate: '2030-06-15',
      triggerDate: '2025-06-15',
      reason: 'computed',
    });
  });

  it('29 February: closed 29 Feb 2024 + 1 year = 28 Feb 2025; + 4 years = 29 Feb 2028', () => {
    const leap = closed({ closedOn: '2024-02-29' });
    expect(archiveFor(outcome({ action: 'destroy', period: 'P1Y', trigger: 'closed' }), leap).actionDate).toBe('2025-02-28');
    expect(archiveFor(outcome({ action: 'destroy', period: 'P4Y', trigger: 'closed' }), leap).actionDate).toBe('2028-02-29');
  });

  it('retain without a period: kept permanently, no action date', () => {
    expect(archiveFor(outcome({ action: 'retain', trigger: 'closed' }), closed())).toMatchObject({
      action: 'retain',
      actionDate: null,
      reason: 'permanent',
    });
  });

  describe('trigger field (vervaldatum + 1 year)', () => {
    const permit = outcome({ action: 'destroy', period: 'P1Y', trigger: 'field', field: 'vervaldatum' });
    it('has no date yet while the field is empty', () => {
      expect(archiveFor(permit, closed())).toMatchObject({ action: 'destroy', actionDate: null, reason: 'field-empty' });
    });
    it('gets its date when the field gets a value after closing (29 Feb 2028 + 1 year = 28 Feb 2029)', () => {
      expect(archiveFor(permit, closed({ fields: { vervaldatum: '2028-02-29' } }))).toMatchObject({
        actionDate: '2029-02-28',
        triggerDate: '2028-02-29',
      });
    });
  });

  it('trigger decision: no decisions in a case yet, so no date', () => {
    expect(archiveFor(outcome({ action: 'destroy', period: 'P5Y', trigger: 'decision' }), closed()).reason).toBe('no-decisions');
  });

  describe('trigger related', () => {
    const related = outcome({ action: 'destroy', period: 'P5Y', trigger: 'related' });
    it('counts from the latest closing date of the related cases (1 July 2025 + 5 years)', () => {
      expect(archiveFor(related, closed(), { relatedClosedOn: ['2025-01-10', '2025-07-01'] }).actionDate).toBe('2030-07-01');
    });
    it('has no date while a related case is open, nor without related cases', () => {
      expect(archiveFor(related, closed(), { relatedClosedOn: ['2025-01-10', null] }).reason).toBe('related-case-open');
      expect(archiveFor(related, closed(), { relatedClosedOn: [] }).reason).toBe('no-related-cases');
    });
  });

  describe('trigger parent', () => {
    const parent = outcome({ action: 'destroy', period: 'P7Y', trigger: 'parent' });
    it("counts from the parent's closing date (28 Feb 2026 + 7 years)", () => {
      expect(archiveFor(parent, closed(), { parentClosedOn: '2026-02-28' }).actionDate).toBe('2033-02-28');
    });
    it('has no date while the parent is open, or without one', () => {
      expect(archiveFor(parent, closed(), { parentClosedOn: null }).reason).toBe('parent-open');
      expect(archiveFor(parent, closed()).reason).toBe('no-parent');
    });
  });

  describe('trigger manual', () => {
    const manual = outcome({ action: 'retain', period: 'P20Y', trigger: 'manual' });
    it('leaves the date empty until the records manager sets one', () => {
      expect(archiveFor(manual, closed())).toMatchObject({ actionDate: null, reason: 'manual-date-not-set', manualDate: null });
    });
    it('counts the period from the date set (1 Jan 2031 + 20 years)', () => {
      const set = closed({ archive: { action: null, actionDate: null, status: 'pending', manualDate: '2031-01-01' } });
      expect(archiveFor(manual, set)).toMatchObject({ actionDate: '2051-01-01', manualDate: '2031-01-01' });
    });
  });

  it('has no date for a case that is not closed', () => {
    expect(archiveFor(outcome({ action: 'destroy', period: 'P5Y', trigger: 'closed' }), closed({ closedOn: null })).reason).toBe(
      'case-not-closed',
    );
  });
});

describe('archiveAfterReopen', () => {
  it('clears the outcome-derived fields and the hand-set date, and closing again recomputes', () => {
    const settings = outcome({ action: 'destroy', period: 'P5Y', trigger: 'closed' });
    const first = archiveFor(settings, closed());
    const reopened = archiveAfterReopen({ ...first, manualDate: '2031-01-01' });
    expect(reopened).toEqual({
      action: null,
      actionDate: null,
      triggerDate: null,
      reason: 'case-reopened',
      manualDate: null,
      status: 'pending',
    });
    expect(archiveFor(settings, closed({ closedOn: '2025-09-01', archive: reopened })).actionDate).toBe('2030-09-01');
  });
});
