import { InvalidLocalDate } from './calendar-errors';

declare const localDateBrand: unique symbol;

/**
 * A calendar date without a time or a zone, `YYYY-MM-DD`, as people in Europe/Amsterdam read it.
 * Legal terms count in whole local days, so the domain never turns these into instants: arithmetic runs
 * on day numbers (days since 1970-01-01 in the proleptic Gregorian calendar), which has no DST and no zone.
 * Only `parseLocalDate` and the functions here make one, so a `LocalDate` is always a real date.
 */
export type LocalDate = string & { readonly [localDateBrand]: true };

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (monthLengths[month - 1] ?? Number.NaN);

/** True when `text` is a real date `YYYY-MM-DD` (years 0001–9999). */
export function isLocalDate(text: unknown): text is LocalDate {
  if (typeof text !== 'string') return false;
  const match = pattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Validates a `YYYY-MM-DD` text; throws `InvalidLocalDate` (code `date.invalid`) for anything else, e.g. 2025-02-29. */
export function parseLocalDate(text: string): LocalDate {
  if (!isLocalDate(text)) throw new InvalidLocalDate(text);
  return text;
}

export function localDateOf(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseLocalDate(text);
}

export function partsOf(date: LocalDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

// Day numbers after Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic, no Date.
function dayNumber(date: LocalDate): number {
  const { year, month, day } = partsOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return localDateOf(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** `date` moved by a whole number of calendar days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}.`);
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar days from `from` to `to`: 2025-03-10 → 2025-03-20 is 10; negative when `to` is earlier. */
export const daysBetween = (from: LocalDate, to: LocalDate): number => dayNumber(to) - dayNumber(from);

/** Negative, zero or positive like a sort comparator. `YYYY-MM-DD` texts also compare correctly as strings. */
export const compareLocalDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);

export const isBefore = (a: LocalDate, b: LocalDate): boolean => a < b;
export const isAfter = (a: LocalDate, b: LocalDate): boolean => a > b;

export const latestOf = (dates: readonly LocalDate[]): LocalDate | null =>
  dates.reduce<LocalDate | null>((latest, date) => (latest === null || date > latest ? date : latest), null);

/** ISO weekday; 1970-01-01 (day number 0) was a Thursday. */
export function weekdayOf(date: LocalDate): IsoWeekday {
  const mondayBased = (((dayNumber(date) + 3) % 7) + 7) % 7;
  return (mondayBased + 1) as IsoWeekday;
}

export const isWeekend = (date: LocalDate): boolean => weekdayOf(date) >= 6;
