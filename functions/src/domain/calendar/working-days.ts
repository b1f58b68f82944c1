import { atwCalendar, publicHolidaysOn, type AtwCalendar } from './atw-calendar';
import { addDays, weekdayOf, type LocalDate } from './local-date';

/** Why a day is not a working day under the Atw. */
export interface NonWorkingDay {
  readonly date: LocalDate;
  readonly reason: 'saturday' | 'sunday' | 'public-holiday';
  /** Dutch names of the holidays on that day; a holiday on a Saturday is listed as Saturday with its name. */
  readonly holidays: readonly string[];
}

/** The reason `date` is not a working day, or null when it is one. */
export function nonWorkingReason(date: LocalDate, calendar: AtwCalendar = atwCalendar): NonWorkingDay | null {
  const weekday = weekdayOf(date);
  const holidays = publicHolidaysOn(date, calendar).map((holiday) => holiday.name);
  if (weekday === 6) return { date, reason: 'saturday', holidays };
  if (weekday === 7) return { date, reason: 'sunday', holidays };
  if (holidays.length > 0) return { date, reason: 'public-holiday', holidays };
  return null;
}

/** A day that is not a Saturday, a Sunday or an Atw public holiday (decree days included). */
export const isWorkingDay = (date: LocalDate, calendar: AtwCalendar = atwCalendar): boolean =>
  nonWorkingReason(date, calendar) === null;

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, calendar: AtwCalendar = atwCalendar): LocalDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/** The result of an Atw art. 1 shift: the date itself when it is a working day, else the next one. */
export interface AtwShift {
  readonly date: LocalDate;
  readonly days: number;
  /** The days skipped, in order; empty when the date did not move. */
  readonly skipped: readonly NonWorkingDay[];
}

/**
 * Algemene termijnenwet art. 1 lid 1: a term ending on a Saturday, Sunday or public holiday is extended
 * up to and including the next day that is none of those.
 */
export function atwShift(date: LocalDate, calendar: AtwCalendar = atwCalendar): AtwShift {
  const skipped: NonWorkingDay[] = [];
  let day = date;
  for (let reason = nonWorkingReason(day, calendar); reason; reason = nonWorkingReason(day, calendar)) {
    skipped.push(reason);
    day = addDays(day, 1);
  }
  return { date: day, days: skipped.length, skipped };
}

/**
 * The working day `count` working days after `date` (before it when negative); `date` itself does not
 * count. `addWorkingDays(d, 0)` is `d`, working day or not.
 */
export function addWorkingDays(date: LocalDate, count: number, calendar: AtwCalendar = atwCalendar): LocalDate {
  if (!Number.isInteger(count)) throw new RangeError(`addWorkingDays needs a whole number, got ${count}.`);
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(count); left > 0;) {
    day = addDays(day, step);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to` (Friday → next Monday is 1). Negative, counted the
 * same way from `to` to `from`, when `to` is earlier; 0 for the same day.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, calendar: AtwCalendar = atwCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}
