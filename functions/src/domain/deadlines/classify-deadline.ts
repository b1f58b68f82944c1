import { atwCalendar, type AtwCalendar } from '../calendar/atw-calendar';
import { addDays, type LocalDate } from '../calendar/local-date';
import { workingDaysBetween } from '../calendar/working-days';

export type DeadlineStatus = 'on-track' | 'at-risk' | 'overdue';

/** Per case type: at risk when fewer than this many working days remain. */
export interface DeadlineThresholds {
  readonly atRiskWorkingDays: number;
}

/**
 * Working days left to decide, today and the final day included: on the final day itself 1 (if it is a
 * working day), the Friday before a Monday deadline 2, after the deadline 0.
 */
export function remainingWorkingDays(final: LocalDate, today: LocalDate, calendar: AtwCalendar = atwCalendar): number {
  if (today > final) return 0;
  return workingDaysBetween(addDays(today, -1), final, calendar);
}

/** Overdue after the final deadline (not on it); at risk when fewer than N working days remain. */
export function classifyDeadline(
  final: LocalDate,
  today: LocalDate,
  thresholds: DeadlineThresholds,
  calendar: AtwCalendar = atwCalendar,
): DeadlineStatus {
  if (today > final) return 'overdue';
  return remainingWorkingDays(final, today, calendar) < thresholds.atRiskWorkingDays ? 'at-risk' : 'on-track';
}
