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

/** Any ISO 8601 duration as case types may write it (`P8W`, `P1Y6M`, `PT48H`), parts as numbers. */
export interface IsoDuration {
  readonly negative: boolean;
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

// Y, M, W, D, then a time part, each at most once. ISO 8601-1 forbids W next to the others; ISO 8601-2
// and most tools allow it, and P2W3D is clearer than P17D, so we accept it.
const isoPattern = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** The parts of an ISO duration, or null when the text is not one (`P`, `PT`, `8W`, `P1.5Y` are not). */
export function parseIsoDuration(text: string): IsoDuration | null {
  const match = isoPattern.exec(text);
  if (!match || text.endsWith('P') || text.endsWith('T')) return null;
  const part = (index: number) => Number((match[index] ?? '0').replace(',', '.'));
  const parts = [2, 3, 4, 5, 6, 7, 8].map(part);
  if (!parts.every(Number.isFinite) || !parts.slice(0, 6).every(Number.isSafeInteger)) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = parts as [number, number, number, number, number, number, number];
  return { negative: match[1] === '-', years, months, weeks, days, hours, minutes, seconds };
}

/** True when the duration is longer than nothing: negative and all-zero durations are not. */
export function isPositiveDuration(duration: IsoDuration): boolean {
  const { negative, years, months, weeks, days, hours, minutes, seconds } = duration;
  return !negative && years + months + weeks + days + hours + minutes + seconds > 0;
}

/**
 * Bounds in days, for comparing durations of mixed units (a month is 28–31 days, a year 365–366).
 * Only an answer both bounds agree on is certain.
 */
export function durationDayBounds(duration: IsoDuration): { min: number; max: number } {
  const fixed = duration.weeks * 7 + duration.days + (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) / 86400;
  return {
    min: duration.years * 365 + duration.months * 28 + fixed,
    max: duration.years * 366 + duration.months * 31 + fixed,
  };
}

/**
 * Parses a calendar duration (years, months, weeks, days; no sign, no time part): what legal terms,
 * extensions and retention periods are. Throws `InvalidDuration` (code `duration.invalid`) otherwise.
 */
export function parseDuration(text: string): CalendarDuration {
  const parsed = parseIsoDuration(text);
  if (!parsed || parsed.negative || text.includes('T')) throw new InvalidDuration(text);
  const { years, months, weeks, days } = parsed;
  return { years, months, weeks, days };
}

/**
 * A duration that may have a time part (service norms and task due periods such as `PT48H`, `PT4H`) as
 * whole calendar days, because our deadlines are dates: the time part is rounded up to whole days
 * (PT4H → P1D, PT48H → P2D, P1DT1H → P2D). Calendar durations pass through unchanged.
 */
export function calendarDurationOf(text: string): CalendarDuration {
  const parsed = parseIsoDuration(text);
  if (!parsed || parsed.negative) throw new InvalidDuration(text);
  const { years, months, weeks, days, hours, minutes, seconds } = parsed;
  const timeDays = Math.ceil((hours * 3600 + minutes * 60 + seconds) / 86400);
  return { years, months, weeks, days: days + timeDays };
}

export const isDuration = (text: string): boolean => {
  const parsed = parseIsoDuration(text);
  return parsed !== null && !parsed.negative && !text.includes('T');
};

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
