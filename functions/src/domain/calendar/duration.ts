import { InvalidDuration } from './calendar-errors';
import { addDays, daysInMonth, localDateOf, partsOf, type LocalDate } from './local-date';

/**
 * An ISO 8601 duration in calendar units only (`P8W`, `P6M`, `P5Y`, `P1Y6M`, `P2W3D`). Legal terms and
 * retention periods never have a time part, so `PT…` is rejected rather than rounded.
 */
export interface CalendarDuration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
}

// Y, M, W, D in that order, each at most once, at least one. ISO 8601-1 forbids W next to the others;
// ISO 8601-2 and most tools allow it, and P2W3D is clearer than P17D, so we accept it.
const pattern = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** Parses a calendar duration; throws `InvalidDuration` (code `duration.invalid`) for anything else. */
export function parseDuration(text: string): CalendarDuration {
  const match = pattern.exec(text);
  if (!match || text === 'P') throw new InvalidDuration(text);
  const [years, months, weeks, days] = [match[1], match[2], match[3], match[4]].map((part) => Number(part ?? '0')) as [
    number,
    number,
    number,
    number,
  ];
  if (![years, months, weeks, days].every(Number.isSafeInteger)) throw new InvalidDuration(text);
  return { years, months, weeks, days };
}

export const isDuration = (text: string): boolean => pattern.test(text) && text !== 'P';

/** Back to the shortest ISO text (`{ weeks: 8 }` → `P8W`; zero → `P0D`). */
export function formatDuration(duration: CalendarDuration): string {
  const { years, months, weeks, days } = duration;
  const text = `P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}${weeks ? `${weeks}W` : ''}${days ? `${days}D` : ''}`;
  return text === 'P' ? 'P0D' : text;
}

/**
 * Adds a calendar duration: first years and months together, keeping the day of the month and clamping
 * to the month's last day when it does not exist (29 Feb + P1Y = 28 Feb; 31 Jan + P1M = 28 or 29 Feb;
 * 31 Mar + P1M = 30 Apr), then weeks and days as 7 and 1 calendar days. This is the order of ISO 8601 and
 * of java.time / Temporal, and the day-of-month rule DUTCH-RULES §2 states for years.
 */
export function addCalendarDuration(date: LocalDate, duration: CalendarDuration | string): LocalDate {
  const { years, months, weeks, days } = typeof duration === 'string' ? parseDuration(duration) : duration;
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + years * 12 + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const shifted = localDateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
  return addDays(shifted, weeks * 7 + days);
}
