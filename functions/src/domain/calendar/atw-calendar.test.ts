import { atwCalendar, createAtwCalendar, holidaysOf, isPublicHoliday, withDecreeDays } from './atw-calendar';
import { UnsupportedCalendarYear } from './calendar-errors';
import { parseLocalDate } from './local-date';

const d = parseLocalDate;
const listed = (year: number) => holidaysOf(year).map(({ date, name }) => [date, name]);

// Every Atw day of 2025–2030, worked out by hand from Easter Sunday: Goede Vrijdag = Easter − 2,
// Tweede Paasdag = Easter + 1, Hemelvaartsdag = Easter + 39, Tweede Pinksterdag = Easter + 50;
// Koningsdag 27 April unless that is a Sunday (then 26 April); decree days from decree-days.ts.
describe('the Atw holidays of 2025–2030', () => {
  it('2025 (Easter 20 April; 27 April is a Sunday, so Koningsdag is Saturday 26 April)', () => {
    expect(listed(2025)).toEqual([
      ['2025-01-01', 'Nieuwjaarsdag'], // Wednesday
      ['2025-04-18', 'Goede Vrijdag'], // 20 − 2
      ['2025-04-21', 'Tweede Paasdag'], // 20 + 1
      ['2025-04-26', 'Koningsdag'], // Saturday, as the 27th is a Sunday
      ['2025-05-05', 'Bevrijdingsdag'], // Monday; 2025 is a lustrum year
      ['2025-05-29', 'Hemelvaartsdag'], // 20 April + 39 = 59 − 30 (April) = 29 May
      ['2025-05-30', 'Vrijdag na Hemelvaartsdag'], // decree
      ['2025-06-09', 'Tweede Pinksterdag'], // 20 + 50 = 70 − 30 − 31 = 9 June
      ['2025-12-25', 'Eerste Kerstdag'],
      ['2025-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('2026 (Easter 5 April)', () => {
    expect(listed(2026)).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag'], // Thursday
      ['2026-01-02', 'Vrijdag na Nieuwjaarsdag'], // decree
      ['2026-04-03', 'Goede Vrijdag'], // 5 − 2
      ['2026-04-06', 'Tweede Paasdag'], // 5 + 1
      ['2026-04-27', 'Koningsdag'], // Monday
      ['2026-05-05', 'Bevrijdingsdag'], // Tuesday, not a lustrum year
      ['2026-05-14', 'Hemelvaartsdag'], // 5 + 39 = 44 − 30 = 14 May
      ['2026-05-15', 'Vrijdag na Hemelvaartsdag'], // decree
      ['2026-05-25', 'Tweede Pinksterdag'], // 5 + 50 = 55 − 30 = 25 May
      ['2026-12-25', 'Eerste Kerstdag'], // Friday
      ['2026-12-26', 'Tweede Kerstdag'], // Saturday
    ]);
  });

  it('2027 (Easter 28 March)', () => {
    expect(listed(2027)).toEqual([
      ['2027-01-01', 'Nieuwjaarsdag'], // Friday
      ['2027-03-26', 'Goede Vrijdag'], // 28 − 2
      ['2027-03-29', 'Tweede Paasdag'], // 28 + 1
      ['2027-04-27', 'Koningsdag'], // Tuesday
      ['2027-05-05', 'Bevrijdingsdag'], // Wednesday
      ['2027-05-06', 'Hemelvaartsdag'], // 28 March + 39 = 67 − 31 − 30 = 6 May
      ['2027-05-07', 'Vrijdag na Hemelvaartsdag'], // decree
      ['2027-05-17', 'Tweede Pinksterdag'], // 28 + 50 = 78 − 31 − 30 = 17 May
      ['2027-12-25', 'Eerste Kerstdag'], // Saturday
      ['2027-12-26', 'Tweede Kerstdag'], // Sunday
    ]);
  });

  it('2028 (Easter 16 April)', () => {
    expect(listed(2028)).toEqual([
      ['2028-01-01', 'Nieuwjaarsdag'], // Saturday
      ['2028-04-14', 'Goede Vrijdag'], // 16 − 2
      ['2028-04-17', 'Tweede Paasdag'], // 16 + 1
      ['2028-04-27', 'Koningsdag'], // Thursday
      ['2028-04-28', 'Vrijdag na Koningsdag'], // decree
      ['2028-05-05', 'Bevrijdingsdag'], // Friday
      ['2028-05-25', 'Hemelvaartsdag'], // 16 + 39 = 55 − 30 = 25 May
      ['2028-05-26', 'Vrijdag na Hemelvaartsdag'], // decree
      ['2028-06-05', 'Tweede Pinksterdag'], // 16 + 50 = 66 − 30 − 31 = 5 June
      ['2028-12-25', 'Eerste Kerstdag'], // Monday
      ['2028-12-26', 'Tweede Kerstdag'], // Tuesday
    ]);
  });

  it('2029 (Easter 1 April; no decree days known yet)', () => {
    expect(listed(2029)).toEqual([
      ['2029-01-01', 'Nieuwjaarsdag'], // Monday
      ['2029-03-30', 'Goede Vrijdag'], // 1 April − 2
      ['2029-04-02', 'Tweede Paasdag'], // 1 + 1
      ['2029-04-27', 'Koningsdag'], // Friday
      ['2029-05-05', 'Bevrijdingsdag'], // Saturday
      ['2029-05-10', 'Hemelvaartsdag'], // 1 + 39 = 40 − 30 = 10 May
      ['2029-05-21', 'Tweede Pinksterdag'], // 1 + 50 = 51 − 30 = 21 May
      ['2029-12-25', 'Eerste Kerstdag'], // Tuesday
      ['2029-12-26', 'Tweede Kerstdag'], // Wednesday
    ]);
  });

  it('2030 (Easter 21 April; Koningsdag on Saturday 27 April stays on the 27th)', () => {
    expect(listed(2030)).toEqual([
      ['2030-01-01', 'Nieuwjaarsdag'], // Tuesday
      ['2030-04-19', 'Goede Vrijdag'], // 21 − 2
      ['2030-04-22', 'Tweede Paasdag'], // 21 + 1
      ['2030-04-27', 'Koningsdag'], // Saturday: only a Sunday moves it
      ['2030-05-05', 'Bevrijdingsdag'], // Sunday
      ['2030-05-30', 'Hemelvaartsdag'], // 21 + 39 = 60 − 30 = 30 May
      ['2030-06-10', 'Tweede Pinksterdag'], // 21 + 50 = 71 − 30 − 31 = 10 June
      ['2030-12-25', 'Eerste Kerstdag'], // Wednesday
      ['2030-12-26', 'Tweede Kerstdag'], // Thursday
    ]);
  });
});

describe('isPublicHoliday', () => {
  it('counts 5 May in a year that is not a lustrum year (2026)', () => {
    expect(isPublicHoliday(d('2026-05-05'))).toBe(true);
  });

  it('counts Goede Vrijdag, which general holiday lists often leave out', () => {
    expect(isPublicHoliday(d('2026-04-03'))).toBe(true);
  });

  it('does not count 27 April when Koningsdag moved to the 26th (2031: the 27th is a Sunday)', () => {
    expect(isPublicHoliday(d('2031-04-26'))).toBe(true);
    expect(isPublicHoliday(d('2031-04-27'))).toBe(false);
  });

  it('does not count Easter Sunday or Whit Sunday themselves (only the second days are in art. 3)', () => {
    expect(isPublicHoliday(d('2026-04-05'))).toBe(false);
    expect(isPublicHoliday(d('2026-05-24'))).toBe(false);
  });

  it('does not count an ordinary weekday', () => {
    expect(isPublicHoliday(d('2026-03-10'))).toBe(false);
  });

  it('lists both names when Hemelvaartsdag falls on 5 May (2016: Easter 27 March + 39)', () => {
    expect(
      holidaysOf(2016)
        .filter((holiday) => holiday.date === '2016-05-05')
        .map((holiday) => holiday.name),
    ).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });

  it('refuses years outside 2014–2200 rather than guessing an older Koninginnedag', () => {
    expect(() => isPublicHoliday(d('2013-04-30'))).toThrow(UnsupportedCalendarYear);
    expect(() => holidaysOf(2201)).toThrow(expect.objectContaining({ code: 'calendar.year-unsupported' }));
  });
});

describe('decree days as data', () => {
  it('knows every decree day of the data file', () => {
    expect(atwCalendar.decreeDays.map((day) => day.date)).toEqual([
      '2025-05-30',
      '2026-01-02',
      '2026-05-15',
      '2027-05-07',
      '2028-04-28',
      '2028-05-26',
    ]);
  });

  it('takes an extra decree day in a new calendar without changing the current one', () => {
    const extended = withDecreeDays(atwCalendar, [{ date: '2029-05-11', name: 'Vrijdag na Hemelvaartsdag' }]);
    expect(isPublicHoliday(d('2029-05-11'), extended)).toBe(true);
    expect(isPublicHoliday(d('2029-05-11'), atwCalendar)).toBe(false);
  });

  it('does not add a decree day twice', () => {
    const again = withDecreeDays(atwCalendar, [{ date: '2025-05-30', name: 'Vrijdag na Hemelvaartsdag' }]);
    expect(again.decreeDays).toHaveLength(atwCalendar.decreeDays.length);
  });

  it('builds a calendar without decree days', () => {
    expect(isPublicHoliday(d('2025-05-30'), createAtwCalendar([]))).toBe(false);
  });

  it('refuses a decree day that is not a date', () => {
    expect(() => createAtwCalendar([{ date: '2029-02-30', name: 'x' }])).toThrow(
      expect.objectContaining({ code: 'date.invalid' }),
    );
  });
});
