/**
 * Dates in the API are calendar dates (`YYYY-MM-DD`) in Europe/Amsterdam, not instants: they are
 * formatted and compared as such, never through the browser's own time zone.
 */
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(value: string): Date | null {
  const match = isoDatePattern.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Reject rolled-over dates such as 2025-02-30.
  return date.toISOString().slice(0, 10) === value ? date : null;
}

/** `2025-04-28` → `28 apr 2025` (nl-NL) or `28 Apr 2025` (en-GB); unparseable input is returned as is. */
export function formatCalendarDate(value: string, intlLocale: string): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  return new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Today's calendar date in Europe/Amsterdam, as `YYYY-MM-DD`. */
export function todayInAmsterdam(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); null for invalid dates. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return null;
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

export type DeadlineState = 'overdue' | 'due-soon' | 'on-track' | 'none';

/** How many calendar days before the final date a case counts as due soon. */
export const dueSoonWithinDays = 5;

/**
 * A display signal for the final deadline: overdue once the final date has passed (the final date
 * itself is still in time), due soon within {@link dueSoonWithinDays} days. Only open cases run a term;
 * suspended and closed cases show no signal. This is presentation only: the API computes the date.
 */
export function deadlineState(finalDate: string | null | undefined, status: string, today: string): DeadlineState {
  if (!finalDate) return 'none';
  if (status !== 'open') return 'on-track';
  const remaining = daysBetween(today, finalDate);
  if (remaining === null) return 'none';
  if (remaining < 0) return 'overdue';
  if (remaining <= dueSoonWithinDays) return 'due-soon';
  return 'on-track';
}
