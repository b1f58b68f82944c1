/**
 * ISO 8601 durations as case types use them (`P8W`, `P6W`, `P5Y`, `P1Y6M`, `PT4H`). A small own parser
 * so the contract stays free of a date library; to be consolidated with the deadline module's durations.
 */
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

const pattern = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** The parts of an ISO duration, or null when the text is not one (`P`, `PT`, `8W`, `P1.5Y` are not). */
export function parseIsoDuration(text: string): IsoDuration | null {
  const match = pattern.exec(text);
  if (!match || text.endsWith('P') || text.endsWith('T')) return null;
  const part = (index: number) => Number((match[index] ?? '0').replace(',', '.'));
  return {
    negative: match[1] === '-',
    years: part(2),
    months: part(3),
    weeks: part(4),
    days: part(5),
    hours: part(6),
    minutes: part(7),
    seconds: part(8),
  };
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
