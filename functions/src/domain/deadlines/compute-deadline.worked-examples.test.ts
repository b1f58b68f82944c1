import { parseLocalDate, type LocalDate } from '../calendar/local-date';
import { computeDeadline } from './compute-deadline';
import type { DeadlineInput } from './deadline';
import type { DeadlineSettings } from './deadline-settings';

// Worked examples derived by hand from DUTCH-RULES §1 (and checked against an independent script with
// python-dateutil): raw end = receivedOn + legal term + suspended days + extensions, then one Atw shift.
// Suspended days per suspension = days after the request up to, not including, the supplement day.

interface Example {
  readonly example: string;
  readonly receivedOn: string;
  readonly term: string;
  /** [request day, supplement day] with a term P2W. */
  readonly suspensions?: readonly (readonly [string, string])[];
  readonly extensions?: readonly string[];
  readonly settings?: Partial<DeadlineSettings>;
  readonly rawEnd: string;
  readonly final: string;
  readonly shiftDays: number;
}

const d = (text: string): LocalDate => parseLocalDate(text);

function inputOf(example: Example): DeadlineInput {
  return {
    receivedOn: d(example.receivedOn),
    legalTerm: example.term,
    suspensions: (example.suspensions ?? []).map(([from, until]) => ({ from: d(from), until: d(until), term: 'P2W' })),
    extensions: (example.extensions ?? []).map((duration) => ({ duration })),
    settings: example.settings,
  };
}

const examples: readonly Example[] = [
  // Plain terms
  // 2025-03-03 (Mon) + 56 = 2025-04-28 (Mon), no holiday.
  {
    example: 'a plain 8-week term',
    receivedOn: '2025-03-03',
    term: 'P8W',
    rawEnd: '2025-04-28',
    final: '2025-04-28',
    shiftDays: 0,
  },
  // 2026-01-12 (Mon) + 42 = 2026-02-23 (Mon).
  {
    example: 'a plain 6-week term',
    receivedOn: '2026-01-12',
    term: 'P6W',
    rawEnd: '2026-02-23',
    final: '2026-02-23',
    shiftDays: 0,
  },
  // 2025-09-10 (Wed) + 84 = 2025-12-03 (Wed).
  {
    example: 'a plain 12-week term',
    receivedOn: '2025-09-10',
    term: 'P12W',
    rawEnd: '2025-12-03',
    final: '2025-12-03',
    shiftDays: 0,
  },
  // 2026-02-02 (Mon) + 182 = 2026-08-03 (Mon).
  { example: 'a 26-week term', receivedOn: '2026-02-02', term: 'P26W', rawEnd: '2026-08-03', final: '2026-08-03', shiftDays: 0 },
  // Weekends
  // 2025-08-29 + 3 months = 2025-11-29 (Sat) → Sun 30 → Mon 2025-12-01.
  {
    example: 'a 3-month term ending on a Saturday',
    receivedOn: '2025-08-29',
    term: 'P3M',
    rawEnd: '2025-11-29',
    final: '2025-12-01',
    shiftDays: 2,
  },
  // 2025-03-01 (Sat) + 56 = 2025-04-26 (Sat, also Koningsdag: the 27th is a Sunday in 2025) → Sun 27 → Mon 2025-04-28.
  {
    example: 'Koningsdag on Saturday 26 April because the 27th is a Sunday',
    receivedOn: '2025-03-01',
    term: 'P8W',
    rawEnd: '2025-04-26',
    final: '2025-04-28',
    shiftDays: 2,
  },
  // 2026-03-01 (Sun) + 56 = 2026-04-26 (Sun) → Mon 27 April is Koningsdag → Tue 2026-04-28.
  {
    example: 'a Sunday followed by Koningsdag',
    receivedOn: '2026-03-01',
    term: 'P8W',
    rawEnd: '2026-04-26',
    final: '2026-04-28',
    shiftDays: 2,
  },
  // Holidays
  // 2026-02-06 (Fri) + 56 = 2026-04-03 (Goede Vrijdag) → Sat 4, Sun 5, Mon 6 (Tweede Paasdag) → Tue 2026-04-07.
  {
    example: 'Goede Vrijdag, the Easter weekend and Tweede Paasdag',
    receivedOn: '2026-02-06',
    term: 'P8W',
    rawEnd: '2026-04-03',
    final: '2026-04-07',
    shiftDays: 4,
  },
  // 2027-02-01 (Mon) + 56 = 2027-03-29 (Tweede Paasdag; Easter 28 March) → Tue 2027-03-30.
  { example: 'Tweede Paasdag', receivedOn: '2027-02-01', term: 'P8W', rawEnd: '2027-03-29', final: '2027-03-30', shiftDays: 1 },
  // 2027-03-02 (Tue) + 56 = 2027-04-27 (Koningsdag, Tue) → Wed 2027-04-28.
  {
    example: 'Koningsdag on 27 April',
    receivedOn: '2027-03-02',
    term: 'P8W',
    rawEnd: '2027-04-27',
    final: '2027-04-28',
    shiftDays: 1,
  },
  // 2031-03-03 (Mon) + 56 = 2031-04-28 (Mon): Koningsdag 2031 is Saturday the 26th, the 28th is an ordinary day.
  {
    example: 'the Monday after a Sunday 27 April (2031) is no holiday',
    receivedOn: '2031-03-03',
    term: 'P8W',
    rawEnd: '2031-04-28',
    final: '2031-04-28',
    shiftDays: 0,
  },
  // 2026-03-10 (Tue) + 56 = 2026-05-05 (Bevrijdingsdag; 2026 is not a lustrum year) → Wed 2026-05-06.
  {
    example: '5 mei in a year that is not a lustrum year',
    receivedOn: '2026-03-10',
    term: 'P8W',
    rawEnd: '2026-05-05',
    final: '2026-05-06',
    shiftDays: 1,
  },
  // 2027-03-10 (Wed) + 56 = 2027-05-05 (Wed, 5 mei) → Thu 6 Hemelvaartsdag → Fri 7 decree day → Sat 8, Sun 9 → Mon 2027-05-10.
  {
    example: '5 mei, Hemelvaartsdag, a decree day and a weekend in a row',
    receivedOn: '2027-03-10',
    term: 'P8W',
    rawEnd: '2027-05-05',
    final: '2027-05-10',
    shiftDays: 5,
  },
  // 2029-03-15 (Thu) + 56 = 2029-05-10 (Hemelvaartsdag; Easter 1 April + 39) → Fri 2029-05-11 (no decree day known for 2029).
  {
    example: 'Hemelvaartsdag without a decree day after it',
    receivedOn: '2029-03-15',
    term: 'P8W',
    rawEnd: '2029-05-10',
    final: '2029-05-11',
    shiftDays: 1,
  },
  // 2028-04-10 (Mon) + 56 = 2028-06-05 (Tweede Pinksterdag; Easter 16 April + 50) → Tue 2028-06-06.
  {
    example: 'Tweede Pinksterdag',
    receivedOn: '2028-04-10',
    term: 'P8W',
    rawEnd: '2028-06-05',
    final: '2028-06-06',
    shiftDays: 1,
  },
  // 2025-10-30 (Thu) + 56 = 2025-12-25 (Thu) → Fri 26 → Sat 27, Sun 28 → Mon 2025-12-29.
  {
    example: 'both Christmas days and a weekend',
    receivedOn: '2025-10-30',
    term: 'P8W',
    rawEnd: '2025-12-25',
    final: '2025-12-29',
    shiftDays: 4,
  },
  // 2026-11-06 (Fri) + 56 = 2027-01-01 (Fri, Nieuwjaarsdag) → Sat 2, Sun 3 → Mon 2027-01-04.
  {
    example: 'Nieuwjaarsdag across the year end',
    receivedOn: '2026-11-06',
    term: 'P8W',
    rawEnd: '2027-01-01',
    final: '2027-01-04',
    shiftDays: 3,
  },
  // Decree days
  // 2025-11-07 (Fri) + 56 = 2026-01-02 (decree day after Nieuwjaarsdag) → Sat 3, Sun 4 → Mon 2026-01-05.
  {
    example: 'the decree day 2 January 2026',
    receivedOn: '2025-11-07',
    term: 'P8W',
    rawEnd: '2026-01-02',
    final: '2026-01-05',
    shiftDays: 3,
  },
  // 2026-03-19 (Thu) + 56 = 2026-05-14 (Hemelvaartsdag) → Fri 15 decree day → Sat, Sun → Mon 2026-05-18.
  {
    example: 'Hemelvaartsdag and the decree Friday 15 May 2026',
    receivedOn: '2026-03-19',
    term: 'P8W',
    rawEnd: '2026-05-14',
    final: '2026-05-18',
    shiftDays: 4,
  },
  // 2028-03-03 (Fri) + 56 = 2028-04-28 (decree day after Koningsdag) → Sat 29, Sun 30 → Mon 2028-05-01 (1 May is no Atw holiday).
  {
    example: 'the decree day after Koningsdag 2028',
    receivedOn: '2028-03-03',
    term: 'P8W',
    rawEnd: '2028-04-28',
    final: '2028-05-01',
    shiftDays: 3,
  },
  // 2025-04-04 (Fri) + 56 = 2025-05-30 (decree day after Hemelvaartsdag) → Sat 31, Sun 1 June → Mon 2025-06-02.
  {
    example: 'the decree day 30 May 2025',
    receivedOn: '2025-04-04',
    term: 'P8W',
    rawEnd: '2025-05-30',
    final: '2025-06-02',
    shiftDays: 3,
  },
  // Suspensions
  // 2025-03-03 + 56 = 28 April; request 10 March, supplement 20 March → 11–19 March = 9 days; 28 April + 9 = 2025-05-07 (Wed).
  {
    example: 'one suspension of 9 days (the example of the rules)',
    receivedOn: '2025-03-03',
    term: 'P8W',
    suspensions: [['2025-03-10', '2025-03-20']],
    rawEnd: '2025-05-07',
    final: '2025-05-07',
    shiftDays: 0,
  },
  // 2026-01-05 + 56 = 2026-03-02; 12→19 Jan = 13–18 = 6 days; 2→16 Feb = 3–15 = 13 days; 2 March + 19 = 2026-03-21 (Sat) → Mon 2026-03-23.
  {
    example: 'two suspensions that add up, ending on a Saturday',
    receivedOn: '2026-01-05',
    term: 'P8W',
    suspensions: [
      ['2026-01-12', '2026-01-19'],
      ['2026-02-02', '2026-02-16'],
    ],
    rawEnd: '2026-03-21',
    final: '2026-03-23',
    shiftDays: 2,
  },
  // As the rules' example, but the supplement day counts too: 11–20 March = 10 days; 28 April + 10 = 2025-05-08 (Thu).
  {
    example: 'the supplement day suspended when the setting says so',
    receivedOn: '2025-03-03',
    term: 'P8W',
    suspensions: [['2025-03-10', '2025-03-20']],
    settings: { supplementDaySuspended: true },
    rawEnd: '2025-05-08',
    final: '2025-05-08',
    shiftDays: 0,
  },
  // Request 10 March, information on 11 March: no day between them, 0 days; stays 2025-04-28.
  {
    example: 'information arriving the day after the request suspends nothing',
    receivedOn: '2025-03-03',
    term: 'P8W',
    suspensions: [['2025-03-10', '2025-03-11']],
    rawEnd: '2025-04-28',
    final: '2025-04-28',
    shiftDays: 0,
  },
  // Atw shift only at the end
  // 2025-02-21 (Fri) + 56 = 2025-04-18 (Goede Vrijdag) — NOT shifted; + 5 suspended days (3→9 March: 4–8) = 2025-04-23 (Wed).
  // Shifting the intermediate date would give Tue 22 April + 5 = Sun 27 April → Mon 28 April.
  {
    example: 'an intermediate date on Goede Vrijdag does not shift',
    receivedOn: '2025-02-21',
    term: 'P8W',
    suspensions: [['2025-03-03', '2025-03-09']],
    rawEnd: '2025-04-23',
    final: '2025-04-23',
    shiftDays: 0,
  },
  // 2026-03-10 + 56 = 2026-05-05 (5 mei) — NOT shifted; + P6W (42) = 2026-06-16 (Tue).
  {
    example: 'an intermediate date on 5 mei does not shift before an extension',
    receivedOn: '2026-03-10',
    term: 'P8W',
    extensions: ['P6W'],
    rawEnd: '2026-06-16',
    final: '2026-06-16',
    shiftDays: 0,
  },
  // Same, extension counted from the shifted end: 5 May → Wed 6 May + 42 = 2026-06-17 (Wed).
  {
    example: 'an extension from the shifted end when the setting says so',
    receivedOn: '2026-03-10',
    term: 'P8W',
    extensions: ['P6W'],
    settings: { extensionCountsFrom: 'shifted-end' },
    rawEnd: '2026-06-17',
    final: '2026-06-17',
    shiftDays: 0,
  },
  // Extensions
  // 2025-03-03 + 56 = 28 April + P6W = 2025-06-09 (Tweede Pinksterdag; Easter 20 April + 50) → Tue 2025-06-10.
  {
    example: 'an extension ending on Tweede Pinksterdag',
    receivedOn: '2025-03-03',
    term: 'P8W',
    extensions: ['P6W'],
    rawEnd: '2025-06-09',
    final: '2025-06-10',
    shiftDays: 1,
  },
  // 2026-01-05 + 56 = 2026-03-02 + P2W = 16 March + P2W = 2026-03-30 (Mon).
  {
    example: 'two extensions',
    receivedOn: '2026-01-05',
    term: 'P8W',
    extensions: ['P2W', 'P2W'],
    rawEnd: '2026-03-30',
    final: '2026-03-30',
    shiftDays: 0,
  },
  // 2025-03-04 (Tue) + 56 = 29 April + 9 suspended = 8 May + P3W = 2025-05-29 (Hemelvaartsdag) → Fri 30 decree → Sat, Sun → Mon 2025-06-02.
  {
    example: 'suspension and extension, then one shift over Hemelvaartsdag and its decree day',
    receivedOn: '2025-03-04',
    term: 'P8W',
    suspensions: [['2025-03-10', '2025-03-20']],
    extensions: ['P3W'],
    rawEnd: '2025-05-29',
    final: '2025-06-02',
    shiftDays: 4,
  },
  // Leap years
  // 2024-01-04 (Thu) + 56: 27 days left in January, 56 − 27 = 29 → 2024-02-29 (Thu).
  {
    example: 'a term ending on 29 February',
    receivedOn: '2024-01-04',
    term: 'P8W',
    rawEnd: '2024-02-29',
    final: '2024-02-29',
    shiftDays: 0,
  },
  // 2028-01-10 (Mon) + 56: 21 left in January, 35 − 29 (February 2028) = 6 → 2028-03-06 (Mon).
  {
    example: '56 days across a leap February',
    receivedOn: '2028-01-10',
    term: 'P8W',
    rawEnd: '2028-03-06',
    final: '2028-03-06',
    shiftDays: 0,
  },
  // 2027-01-11 (Mon) + 56: 20 left in January, 36 − 28 = 8 → 2027-03-08 (Mon).
  {
    example: '56 days across a common February',
    receivedOn: '2027-01-11',
    term: 'P8W',
    rawEnd: '2027-03-08',
    final: '2027-03-08',
    shiftDays: 0,
  },
  // 2024-01-31 + 1 month: no 31 February → the last day, 2024-02-29 (Thu).
  {
    example: 'a 1-month term from 31 January in a leap year',
    receivedOn: '2024-01-31',
    term: 'P1M',
    rawEnd: '2024-02-29',
    final: '2024-02-29',
    shiftDays: 0,
  },
  // 2025-01-31 + 1 month → 2025-02-28 (Fri).
  {
    example: 'a 1-month term from 31 January in a common year',
    receivedOn: '2025-01-31',
    term: 'P1M',
    rawEnd: '2025-02-28',
    final: '2025-02-28',
    shiftDays: 0,
  },
  // 2024-02-29 + 1 year → 2025-02-28 (Fri).
  {
    example: 'a 1-year term from 29 February',
    receivedOn: '2024-02-29',
    term: 'P1Y',
    rawEnd: '2025-02-28',
    final: '2025-02-28',
    shiftDays: 0,
  },
  // No Atw shift when the case type's law excludes it: 2026-02-06 + 56 = 2026-04-03 (Goede Vrijdag) stays.
  {
    example: 'no shift when the Atw is switched off',
    receivedOn: '2026-02-06',
    term: 'P8W',
    settings: { applyAtwShift: false },
    rawEnd: '2026-04-03',
    final: '2026-04-03',
    shiftDays: 0,
  },
];

describe('computeDeadline: worked examples', () => {
  it('has at least 30 worked examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(30);
  });

  it.each(examples)('$example: $receivedOn + $term → raw end $rawEnd, final $final', (example) => {
    const result = computeDeadline(inputOf(example));
    expect(result.rawEnd).toBe(example.rawEnd);
    expect(result.final).toBe(example.final);
    expect(result.shiftedBy?.days).toBe(example.shiftDays);
  });
});
