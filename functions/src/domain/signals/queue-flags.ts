import { atwCalendar, type AtwCalendar } from '../calendar/atw-calendar';
import { UnsupportedCalendarYear } from '../calendar/calendar-errors';
import { addDays, parseLocalDate, type LocalDate } from '../calendar/local-date';
import { isWorkingDay } from '../calendar/working-days';

/**
 * The first day on which a case with this final date is at risk (fewer than N working days left,
 * classify-deadline): the day after the N-th working day counted back from the final date. Null without
 * a final date or with a threshold of 0 (never at risk).
 */
export function atRiskFrom(
  final: string | null,
  atRiskWorkingDays: number,
  calendar: AtwCalendar = atwCalendar,
): LocalDate | null {
  if (!final || atRiskWorkingDays <= 0) return null;
  let date = parseLocalDate(final);
  let counted = 0;
  try {
    for (;;) {
      if (isWorkingDay(date, calendar)) counted++;
      if (counted === atRiskWorkingDays) return addDays(date, 1);
      date = addDays(date, -1);
    }
  } catch (error) {
    // Outside the calendar's years (atwCalendarYears): no at-risk date rather than a projection that never succeeds.
    if (error instanceof UnsupportedCalendarYear) return null;
    throw error;
  }
}

/** At risk / overdue against `today`, computed when read so a stored row never goes stale. */
export function queueFlags(
  final: string | null,
  atRiskFromDate: string | null,
  today: string,
): { atRisk: boolean; overdue: boolean } {
  const overdue = final !== null && today > final;
  return { overdue, atRisk: !overdue && atRiskFromDate !== null && today >= atRiskFromDate };
}
