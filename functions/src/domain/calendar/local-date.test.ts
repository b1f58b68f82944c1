import { InvalidLocalDate } from './calendar-errors';
import {
  addDays,
  compareLocalDates,
  daysBetween,
  isLocalDate,
  latestOf,
  parseLocalDate,
  weekdayOf,
  type LocalDate,
} from './local-date';

const d = (text: string): LocalDate => parseLocalDate(text);

describe('parseLocalDate', () => {
  it.each(['2025-03-10', '2024-02-29', '2000-02-29', '1900-02-28', '0001-01-01', '9999-12-31'])(
    'accepts the real date %s',
    (text) => {
      expect(parseLocalDate(text)).toBe(text);
    },
  );

  it.each([
    ['2025-02-29', 'no 29 February in a common year'],
    ['1900-02-29', '1900 is not a leap year (divisible by 100, not by 400)'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'there is no month 13'],
    ['2025-00-10', 'there is no month 0'],
    ['2025-1-1', 'month and day need two digits'],
    ['2025-03-10T00:00:00Z', 'an instant is not a local date'],
    ['', 'empty text'],
    ['0000-01-01', 'there is no year 0'],
  ])('rejects %p (%s) with the code date.invalid', (text) => {
    expect(() => parseLocalDate(text)).toThrow(InvalidLocalDate);
    expect(() => parseLocalDate(text)).toThrow(expect.objectContaining({ code: 'date.invalid' }));
  });

  it('says a number is not a local date', () => {
    expect(isLocalDate(20250310)).toBe(false);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-03-03', 56, '2025-04-28'], // 28 days of March left after the 3rd, 56 - 28 = 28 April
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2025-02-28', 1, '2025-03-01'], // common year
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['1900-03-01', -1, '1900-02-28'], // 1900 had no 29 February
    ['2000-01-01', 10000, '2027-05-19'], // checked against Python's datetime
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(d(date), days)).toBe(expected);
  });

  it('refuses a fraction of a day', () => {
    expect(() => addDays(d('2025-03-03'), 0.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts 10 days from 10 March to 20 March', () => {
    expect(daysBetween(d('2025-03-10'), d('2025-03-20'))).toBe(10);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween(d('2025-03-20'), d('2025-03-10'))).toBe(-10);
  });

  it('counts the 109,573 days of the years 1900–2199', () => {
    // 300 years * 365 + 73 leap days (75 multiples of 4, minus 1900, 2100)
    expect(daysBetween(d('1900-01-01'), d('2200-01-01'))).toBe(300 * 365 + 73);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['1970-01-01', 4], // Thursday
    ['2000-01-01', 6], // Saturday
    ['2025-03-03', 1], // Monday
    ['2024-02-29', 4], // Thursday
    ['2025-04-27', 7], // Sunday
    ['2200-04-06', 7], // Easter Sunday 2200
    ['1900-04-15', 7], // Easter Sunday 1900
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(weekdayOf(d(date))).toBe(weekday);
  });
});

describe('comparing', () => {
  it('orders dates across years and months', () => {
    const dates = ['2026-01-02', '2025-12-31', '2025-02-01'].map(d);
    expect([...dates].sort(compareLocalDates)).toEqual(['2025-02-01', '2025-12-31', '2026-01-02']);
  });

  it('finds the latest date, or null for none', () => {
    expect(latestOf(['2025-03-01', '2027-01-01', '2026-06-30'].map(d))).toBe('2027-01-01');
    expect(latestOf([])).toBeNull();
  });
});
