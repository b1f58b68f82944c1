import { UnsupportedCalendarYear } from './calendar-errors';
import { localDateOf, type LocalDate } from './local-date';

/** The Gregorian computus is exact from 1583 (the first full Gregorian year) on; we stop at 9999 with LocalDate. */
export const easterYears = { from: 1583, to: 9999 } as const;

/**
 * Easter Sunday (Western churches) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), pure
 * integer arithmetic. Goede Vrijdag, Tweede Paasdag, Hemelvaartsdag and Tweede Pinksterdag derive from it.
 */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < easterYears.from || year > easterYears.to) {
    throw new UnsupportedCalendarYear(year, easterYears);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return localDateOf(year, month, day);
}
