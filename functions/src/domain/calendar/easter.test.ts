import { UnsupportedCalendarYear } from './calendar-errors';
import { easterSunday } from './easter';

describe('easterSunday', () => {
  // Published Easter dates, checked against python-dateutil's easter() (a different implementation).
  it.each([
    [1818, '1818-03-22'], // earliest possible date
    [1900, '1900-04-15'],
    [1943, '1943-04-25'], // latest possible date
    [1961, '1961-04-02'],
    [2000, '2000-04-23'],
    [2016, '2016-03-27'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [2200, '2200-04-06'],
    [2285, '2285-03-22'],
  ])('falls in %i on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([1582, 10000, 2025.5])('refuses the year %p', (year) => {
    expect(() => easterSunday(year)).toThrow(UnsupportedCalendarYear);
  });
});
