import { createAtwCalendar } from './atw-calendar';
import { parseLocalDate } from './local-date';
import { addWorkingDays, atwShift, isWorkingDay, nextWorkingDay, nonWorkingReason, workingDaysBetween } from './working-days';

const d = parseLocalDate;

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-10', true, 'an ordinary Tuesday'],
    ['2026-03-14', false, 'a Saturday'],
    ['2026-03-15', false, 'a Sunday'],
    ['2026-05-05', false, 'Bevrijdingsdag (Tuesday)'],
    ['2025-05-30', false, 'a decree day (Friday after Hemelvaartsdag)'],
    ['2029-05-11', true, 'the Friday after Hemelvaartsdag 2029, for which no decree is known yet'],
  ])('%s is a working day: %p (%s)', (date, expected) => {
    expect(isWorkingDay(d(date))).toBe(expected);
  });

  it('gives the reason and the holiday names of a day off', () => {
    expect(nonWorkingReason(d('2025-04-26'))).toEqual({ date: '2025-04-26', reason: 'saturday', holidays: ['Koningsdag'] });
    expect(nonWorkingReason(d('2026-04-06'))).toEqual({
      date: '2026-04-06',
      reason: 'public-holiday',
      holidays: ['Tweede Paasdag'],
    });
    expect(nonWorkingReason(d('2026-04-07'))).toBeNull();
  });
});

describe('nextWorkingDay', () => {
  it('skips Hemelvaartsdag, the decree Friday and the weekend (Wed 28 May 2025 → Mon 2 June)', () => {
    expect(nextWorkingDay(d('2025-05-28'))).toBe('2025-06-02');
  });

  it('is the next day on an ordinary Monday', () => {
    expect(nextWorkingDay(d('2026-03-09'))).toBe('2026-03-10');
  });
});

describe('atwShift', () => {
  it('moves Goede Vrijdag 2025 over Easter to Tuesday 22 April, listing each skipped day', () => {
    const shift = atwShift(d('2025-04-18'));
    expect(shift.date).toBe('2025-04-22');
    expect(shift.days).toBe(4);
    expect(shift.skipped.map((day) => [day.date, day.reason])).toEqual([
      ['2025-04-18', 'public-holiday'],
      ['2025-04-19', 'saturday'],
      ['2025-04-20', 'sunday'],
      ['2025-04-21', 'public-holiday'],
    ]);
  });

  it('leaves a working day where it is', () => {
    expect(atwShift(d('2025-04-28'))).toEqual({ date: '2025-04-28', days: 0, skipped: [] });
  });

  it('uses the calendar it is given', () => {
    expect(atwShift(d('2025-05-30'), createAtwCalendar([])).date).toBe('2025-05-30');
    expect(atwShift(d('2025-05-30')).date).toBe('2025-06-02');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-04-17', 1, '2025-04-22', 'Thu before Easter: Goede Vrijdag, weekend, Tweede Paasdag are skipped'],
    ['2025-12-24', 2, '2025-12-30', 'Wed 24 Dec: 25, 26 (Christmas), 27, 28 (weekend) skipped; Mon 29 is 1, Tue 30 is 2'],
    ['2026-03-13', 5, '2026-03-20', 'Friday + 5 working days is the next Friday'],
    ['2025-04-22', -1, '2025-04-17', 'back over Easter'],
    ['2026-03-14', 0, '2026-03-14', 'zero leaves the date alone, even on a Saturday'],
  ])('%s + %i working days = %s (%s)', (date, count, expected) => {
    expect(addWorkingDays(d(date), count)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it('counts one working day from Friday to the next Monday', () => {
    expect(workingDaysBetween(d('2026-03-13'), d('2026-03-16'))).toBe(1);
  });

  it('counts only Tuesday 22 April from Thursday 17 April 2025 over Easter', () => {
    expect(workingDaysBetween(d('2025-04-17'), d('2025-04-22'))).toBe(1);
  });

  it('is zero for the same day and negative backwards', () => {
    expect(workingDaysBetween(d('2026-03-10'), d('2026-03-10'))).toBe(0);
    expect(workingDaysBetween(d('2026-03-16'), d('2026-03-13'))).toBe(-1);
  });

  it('counts 251 working days in 2026: 261 weekdays minus 10 holidays and decree days on weekdays', () => {
    // Weekday holidays: 1 Jan, 2 Jan (decree), 3 Apr, 6 Apr, 27 Apr, 5 May, 14 May, 15 May (decree), 25 May, 25 Dec.
    expect(workingDaysBetween(d('2025-12-31'), d('2026-12-31'))).toBe(251);
  });
});
