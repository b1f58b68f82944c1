import { InvalidDuration } from './calendar-errors';
import { addCalendarDuration, calendarDurationOf, formatDuration, parseDuration, parseIsoDuration } from './duration';
import { parseLocalDate } from './local-date';

const d = parseLocalDate;

describe('parseDuration', () => {
  it.each([
    ['P8W', { years: 0, months: 0, weeks: 8, days: 0 }],
    ['P56D', { years: 0, months: 0, weeks: 0, days: 56 }],
    ['P6M', { years: 0, months: 6, weeks: 0, days: 0 }],
    ['P5Y', { years: 5, months: 0, weeks: 0, days: 0 }],
    ['P1Y6M', { years: 1, months: 6, weeks: 0, days: 0 }],
    ['P2W3D', { years: 0, months: 0, weeks: 2, days: 3 }],
    ['P0D', { years: 0, months: 0, weeks: 0, days: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['P', '8W', 'P8w', 'PT24H', 'P1DT2H', 'P-1D', 'P1.5W', 'P6M1Y', ''])('rejects %p with duration.invalid', (text) => {
    expect(() => parseDuration(text)).toThrow(InvalidDuration);
    expect(() => parseDuration(text)).toThrow(expect.objectContaining({ code: 'duration.invalid' }));
  });

  it('writes a duration back as its shortest text', () => {
    expect(formatDuration({ years: 1, months: 6, weeks: 0, days: 0 })).toBe('P1Y6M');
    expect(formatDuration({ years: 0, months: 0, weeks: 0, days: 0 })).toBe('P0D');
  });
});

describe('addCalendarDuration', () => {
  it.each([
    ['2025-03-03', 'P8W', '2025-04-28', '8 weeks = 56 days, same weekday (Monday)'],
    ['2025-03-03', 'P56D', '2025-04-28', 'the same 56 days written in days'],
    ['2025-01-15', 'P1M', '2025-02-15', 'a month keeps the day of the month'],
    ['2025-01-31', 'P1M', '2025-02-28', '31 January + 1 month: no 31 February, the last day of February'],
    ['2024-01-31', 'P1M', '2024-02-29', 'the same in a leap year'],
    ['2025-03-31', 'P1M', '2025-04-30', 'April has no 31st'],
    ['2025-01-31', 'P2M', '2025-03-31', 'two months at once land on the 31st again (not clamped via February)'],
    ['2025-08-31', 'P6M', '2026-02-28', '6 months across a year end'],
    ['2024-02-29', 'P1Y', '2025-02-28', '29 February + 1 year: 28 February in a common year'],
    ['2024-02-29', 'P4Y', '2028-02-29', '29 February + 4 years: a leap year again'],
    ['2024-02-29', 'P5Y', '2029-02-28', '29 February + 5 years'],
    ['2025-03-10', 'P1Y6M', '2026-09-10', 'years and months together'],
    ['2025-01-31', 'P1M1D', '2025-03-01', 'months first (28 Feb), then the day'],
    ['2025-03-10', 'P0D', '2025-03-10', 'nothing added'],
  ])('%s + %s = %s (%s)', (date, duration, expected) => {
    expect(addCalendarDuration(d(date), duration)).toBe(expected);
  });

  it('takes a parsed duration too', () => {
    expect(addCalendarDuration(d('2025-03-03'), { years: 0, months: 0, weeks: 6, days: 0 })).toBe('2025-04-14');
  });
});

describe('parseIsoDuration (any ISO 8601 duration a case type may write)', () => {
  it.each([
    ['PT48H', { negative: false, years: 0, months: 0, weeks: 0, days: 0, hours: 48, minutes: 0, seconds: 0 }],
    ['P1DT2H30M', { negative: false, years: 0, months: 0, weeks: 0, days: 1, hours: 2, minutes: 30, seconds: 0 }],
    ['-P1D', { negative: true, years: 0, months: 0, weeks: 0, days: 1, hours: 0, minutes: 0, seconds: 0 }],
    ['PT0,5S', { negative: false, years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0.5 }],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDuration(text)).toEqual(expected);
  });

  it.each(['P', 'PT', '8W', 'P1.5Y', 'P1H', 'P99999999999999999999D', ''])('answers null for %p', (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });
});

describe('calendarDurationOf (service norms and due periods with hours become whole days)', () => {
  it.each([
    ['PT4H', { years: 0, months: 0, weeks: 0, days: 1 }],
    ['PT48H', { years: 0, months: 0, weeks: 0, days: 2 }],
    ['PT49H', { years: 0, months: 0, weeks: 0, days: 3 }],
    ['P1DT1H', { years: 0, months: 0, weeks: 0, days: 2 }],
    ['P6W', { years: 0, months: 0, weeks: 6, days: 0 }],
  ])('rounds %s up to %p', (text, expected) => {
    expect(calendarDurationOf(text)).toEqual(expected);
  });

  it('refuses what is not a positive duration', () => {
    expect(() => calendarDurationOf('-PT4H')).toThrow(InvalidDuration);
    expect(() => calendarDurationOf('4 uur')).toThrow(InvalidDuration);
  });

  it('lets a service norm in hours give a date (PT48H after Friday 5 June 2026 is Sunday 7 June)', () => {
    expect(addCalendarDuration(d('2026-06-05'), calendarDurationOf('PT48H'))).toBe('2026-06-07');
  });
});
