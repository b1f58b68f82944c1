import { atwCalendar, createAtwCalendar, withDecreeDays } from '../calendar/atw-calendar';
import { parseLocalDate } from '../calendar/local-date';
import { computeDeadline } from './compute-deadline';
import type { DeadlineInput, Suspension } from './deadline';
import {
  ExtensionExceedsMaximum,
  SuspensionBeforeReceipt,
  SuspensionEndsBeforeStart,
  SuspensionsOverlap,
} from './deadline-errors';
import { suspendedDaysSoFar } from './suspensions';

const d = parseLocalDate;

/** An 8-week case received on Monday 3 March 2025: raw end Monday 28 April 2025. */
function aDeadlineInput(overrides: Partial<DeadlineInput> = {}): DeadlineInput {
  return { receivedOn: d('2025-03-03'), legalTerm: 'P8W', ...overrides };
}

const suspension = (from: string, until: string | null, term: string | null = 'P2W'): Suspension => ({
  from: d(from),
  until: until === null ? null : d(until),
  term,
});

describe('computeDeadline: explanation', () => {
  it('explains a suspended deadline step by step', () => {
    const result = computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-10', '2025-03-20')] }));
    expect(result.explanation).toEqual([
      { kind: 'legal-term', from: '2025-03-03', term: 'P8W', to: '2025-04-28' },
      { kind: 'suspension', from: '2025-03-10', until: '2025-03-20', days: 9 },
      { kind: 'suspended-days', from: '2025-04-28', days: 9, to: '2025-05-07' },
      { kind: 'final', date: '2025-05-07' },
    ]);
    expect(result.suspendedDays).toBe(9);
  });

  it('names the days the Atw shift skipped', () => {
    // 2026-02-06 + 56 = Goede Vrijdag 3 April 2026 → Tuesday 7 April.
    const result = computeDeadline(aDeadlineInput({ receivedOn: d('2026-02-06') }));
    expect(result.shiftedBy).toEqual({
      days: 4,
      skipped: [
        { date: '2026-04-03', reason: 'public-holiday', holidays: ['Goede Vrijdag'] },
        { date: '2026-04-04', reason: 'saturday', holidays: [] },
        { date: '2026-04-05', reason: 'sunday', holidays: [] },
        { date: '2026-04-06', reason: 'public-holiday', holidays: ['Tweede Paasdag'] },
      ],
    });
    expect(result.explanation.at(-2)).toMatchObject({ kind: 'atw-shift', from: '2026-04-03', to: '2026-04-07' });
  });

  it('lists the extensions it applied', () => {
    const result = computeDeadline(aDeadlineInput({ extensions: [{ duration: 'P2W' }, { duration: 'P1W' }] }));
    expect(result.extensions).toEqual(['P2W', 'P1W']);
    // 28 April + 14 = 12 May; + 7 = 19 May 2025 (Mon)
    expect(result.explanation.filter((step) => step.kind === 'extension')).toEqual([
      { kind: 'extension', from: '2025-04-28', duration: 'P2W', to: '2025-05-12' },
      { kind: 'extension', from: '2025-05-12', duration: 'P1W', to: '2025-05-19' },
    ]);
  });
});

describe('computeDeadline: open suspension', () => {
  const open = () => computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-10', null, 'P3W')] }));

  it('has no final date, raw end or planned date while waiting for the applicant', () => {
    expect(open()).toMatchObject({ final: null, rawEnd: null, shiftedBy: null, planned: null });
  });

  it('reports the open suspension with the term given to the applicant', () => {
    // 10 March + 21 days = 31 March 2025
    expect(open().openSuspension).toEqual({ from: '2025-03-10', term: 'P3W', respondBy: '2025-03-31' });
  });

  it('counts the days suspended so far, from the day after the request through today', () => {
    const { openSuspension } = open();
    if (!openSuspension) throw new Error('expected an open suspension');
    expect(suspendedDaysSoFar(openSuspension, d('2025-03-10'))).toBe(0);
    expect(suspendedDaysSoFar(openSuspension, d('2025-03-19'))).toBe(9); // 11–19 March
  });

  it('keeps the days of earlier, closed suspensions', () => {
    const result = computeDeadline(
      aDeadlineInput({ suspensions: [suspension('2025-03-05', '2025-03-08'), suspension('2025-03-10', null)] }),
    );
    expect(result.suspendedDays).toBe(2); // 6–7 March
    expect(result.final).toBeNull();
  });

  it('refuses a suspension that starts while another is still open', () => {
    expect(() =>
      computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-10', null), suspension('2025-03-20', '2025-03-25')] })),
    ).toThrow(SuspensionsOverlap);
  });
});

describe('computeDeadline: suspensions', () => {
  it('does not suspend for a request without a term of its own (case law), but explains it', () => {
    const result = computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-10', '2025-03-20', null)] }));
    expect(result.final).toBe('2025-04-28');
    expect(result.suspendedDays).toBe(0);
    expect(result.explanation).toContainEqual({ kind: 'suspension-without-term', from: '2025-03-10', until: '2025-03-20' });
  });

  it('does not stop the clock for an open request without a term', () => {
    const result = computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-10', null, null)] }));
    expect(result.final).toBe('2025-04-28');
    expect(result.openSuspension).toBeNull();
  });

  it('counts suspensions given in any order', () => {
    const result = computeDeadline(
      aDeadlineInput({ suspensions: [suspension('2025-03-20', '2025-03-25'), suspension('2025-03-10', '2025-03-20')] }),
    );
    expect(result.suspendedDays).toBe(9 + 4); // 11–19 March and 21–24 March
  });

  it('accepts a new request on the day the previous information arrived', () => {
    expect(() =>
      computeDeadline(
        aDeadlineInput({ suspensions: [suspension('2025-03-10', '2025-03-20'), suspension('2025-03-20', '2025-03-25')] }),
      ),
    ).not.toThrow();
  });

  it('refuses overlapping suspensions, which would count days twice', () => {
    expect(() =>
      computeDeadline(
        aDeadlineInput({ suspensions: [suspension('2025-03-10', '2025-03-20'), suspension('2025-03-15', '2025-03-25')] }),
      ),
    ).toThrow(expect.objectContaining({ code: 'deadline.suspensions-overlap' }));
  });

  it('refuses a suspension before receipt', () => {
    expect(() => computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-01', '2025-03-05')] }))).toThrow(
      SuspensionBeforeReceipt,
    );
  });

  it('refuses information that arrived before it was asked for', () => {
    expect(() => computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-10', '2025-03-09')] }))).toThrow(
      SuspensionEndsBeforeStart,
    );
  });

  it('refuses a suspension term that is not a duration', () => {
    expect(() => computeDeadline(aDeadlineInput({ suspensions: [suspension('2025-03-10', '2025-03-20', '2 weeks')] }))).toThrow(
      expect.objectContaining({ code: 'duration.invalid' }),
    );
  });
});

describe('computeDeadline: extension maximum', () => {
  it('accepts extensions that together reach the maximum exactly', () => {
    const result = computeDeadline(
      aDeadlineInput({ extensions: [{ duration: 'P3W' }, { duration: 'P3W' }], maxExtension: 'P6W' }),
    );
    expect(result.final).toBe('2025-06-10'); // 28 April + 42 = 9 June (Tweede Pinksterdag) → 10 June
  });

  it('refuses extensions beyond the maximum with a typed error', () => {
    const compute = () =>
      computeDeadline(aDeadlineInput({ extensions: [{ duration: 'P4W' }, { duration: 'P3W' }], maxExtension: 'P6W' }));
    expect(compute).toThrow(ExtensionExceedsMaximum);
    expect(compute).toThrow(expect.objectContaining({ code: 'deadline.extension-exceeds-maximum' }));
  });

  it('compares months and days from the actual end date', () => {
    // 2025-01-03 + P4W = 31 January; P1M from 31 January reaches 28 February (28 days): P30D is too long.
    const input = aDeadlineInput({ receivedOn: d('2025-01-03'), legalTerm: 'P4W', maxExtension: 'P1M' });
    expect(() => computeDeadline({ ...input, extensions: [{ duration: 'P30D' }] })).toThrow(ExtensionExceedsMaximum);
    expect(() => computeDeadline({ ...input, extensions: [{ duration: 'P28D' }] })).not.toThrow();
  });

  it('checks the maximum while a suspension is open too', () => {
    expect(() =>
      computeDeadline(
        aDeadlineInput({ suspensions: [suspension('2025-03-10', null)], extensions: [{ duration: 'P7W' }], maxExtension: 'P6W' }),
      ),
    ).toThrow(ExtensionExceedsMaximum);
  });
});

describe('computeDeadline: service norm (planned date)', () => {
  it('is receivedOn + the norm', () => {
    // 2025-03-03 + 28 = 2025-03-31 (Mon)
    expect(computeDeadline(aDeadlineInput({ serviceNorm: 'P4W' })).planned).toBe('2025-03-31');
  });

  it('moves by the same suspended days', () => {
    // 31 March + 9 = 2025-04-09 (Wed)
    expect(
      computeDeadline(aDeadlineInput({ serviceNorm: 'P4W', suspensions: [suspension('2025-03-10', '2025-03-20')] })).planned,
    ).toBe('2025-04-09');
  });

  it('shifts past a holiday like the final date', () => {
    // 2025-03-24 + 28 = 2025-04-21 (Tweede Paasdag) → Tue 22 April; final 2025-03-24 + 56 = 19 May
    const result = computeDeadline(aDeadlineInput({ receivedOn: d('2025-03-24'), serviceNorm: 'P4W' }));
    expect(result.planned).toBe('2025-04-22');
    expect(result.final).toBe('2025-05-19');
  });

  it('does not move with an extension of the legal term', () => {
    const result = computeDeadline(aDeadlineInput({ serviceNorm: 'P4W', extensions: [{ duration: 'P6W' }] }));
    expect(result.planned).toBe('2025-03-31');
    expect(result.final).toBe('2025-06-10');
  });

  it('is null without a service norm', () => {
    expect(computeDeadline(aDeadlineInput()).planned).toBeNull();
  });
});

describe('computeDeadline: flags, calendar and input', () => {
  it('flags lex silencio positivo when the case type has it', () => {
    expect(computeDeadline(aDeadlineInput({ lexSilencio: true })).lexSilencio).toBe(true);
    expect(computeDeadline(aDeadlineInput()).lexSilencio).toBe(false);
  });

  it('uses the calendar it is given, so a new decree day moves open cases', () => {
    // 2029-03-15 + 56 = Hemelvaartsdag 10 May 2029 → Fri 11 May; with a decree for 11 May → Mon 14 May.
    const input = aDeadlineInput({ receivedOn: d('2029-03-15') });
    const decreed = withDecreeDays(atwCalendar, [{ date: '2029-05-11', name: 'Vrijdag na Hemelvaartsdag' }]);
    expect(computeDeadline(input).final).toBe('2029-05-11');
    expect(computeDeadline(input, decreed).final).toBe('2029-05-14');
  });

  it('ignores decree days in a calendar without them', () => {
    // 2025-04-04 + 56 = 30 May 2025 (Fri): a working day without the decree.
    expect(computeDeadline(aDeadlineInput({ receivedOn: d('2025-04-04') }), createAtwCalendar([])).final).toBe('2025-05-30');
  });

  it('refuses a legal term that is not a duration', () => {
    expect(() => computeDeadline(aDeadlineInput({ legalTerm: '8 weeks' }))).toThrow(
      expect.objectContaining({ code: 'duration.invalid' }),
    );
  });

  it('reports the settings it used, defaults filled in', () => {
    expect(computeDeadline(aDeadlineInput({ settings: { supplementDaySuspended: true } })).settings).toEqual({
      supplementDaySuspended: true,
      extensionCountsFrom: 'raw-end',
      applyAtwShift: true,
    });
  });
});
