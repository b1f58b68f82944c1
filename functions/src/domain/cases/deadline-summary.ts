import type { JsonValue } from '../events';
import { type Json, isObject, text, nlMonths, enMonths, dayMonth } from '../events/summary-text';

const finalOf = (side: Json): JsonValue => (isObject(side.deadline) ? (side.deadline.final ?? null) : null);

/**
 * Timeline sentences for suspend, resume and extend, with the moved final date, e.g. "Uiterste datum
 * verschoven van 28 april naar 7 mei: 9 dagen opgeschort (wacht op aanvulling)".
 */
export function deadlineSummary(type: string, who: string, before: Json, after: Json): { nl: string; en: string } {
  const from = finalOf(before);
  const to = finalOf(after);
  const suspension = isObject(after.suspension) ? after.suspension : {};
  const extension = isObject(after.extension) ? after.extension : {};
  const moved = (nlCause: string, enCause: string) =>
    from === to
      ? {
          nl: `Uiterste datum blijft ${dayMonth(to, nlMonths)}: ${nlCause}`,
          en: `Deadline stays ${dayMonth(to, enMonths)}: ${enCause}`,
        }
      : {
          nl: `Uiterste datum verschoven van ${dayMonth(from, nlMonths)} naar ${dayMonth(to, nlMonths)}: ${nlCause}`,
          en: `Deadline moved from ${dayMonth(from, enMonths)} to ${dayMonth(to, enMonths)}: ${enCause}`,
        };
  if (type === 'case.suspended') {
    const reason = text(suspension.reason);
    const on = suspension.from;
    return {
      nl: `${who} heeft de zaak opgeschort vanaf ${dayMonth(on, nlMonths)} (${reason}); termijn aanvrager ${text(suspension.term)}; uiterste datum (was ${dayMonth(from, nlMonths)}) onbekend tot hervatting`,
      en: `${who} suspended the case from ${dayMonth(on, enMonths)} (${reason}); applicant's term ${text(suspension.term)}; deadline (was ${dayMonth(from, enMonths)}) unknown until resumed`,
    };
  }
  if (type === 'case.resumed') {
    // While suspended the final date was unknown: the event carries the one from before the suspension.
    const previous = after.movedFrom ?? null;
    const days = typeof after.days === 'number' ? after.days : 0;
    const reason = text(suspension.reason);
    const sentence =
      previous === to
        ? { nl: `Uiterste datum blijft ${dayMonth(to, nlMonths)}`, en: `Deadline stays ${dayMonth(to, enMonths)}` }
        : {
            nl: `Uiterste datum verschoven van ${dayMonth(previous, nlMonths)} naar ${dayMonth(to, nlMonths)}`,
            en: `Deadline moved from ${dayMonth(previous, enMonths)} to ${dayMonth(to, enMonths)}`,
          };
    return {
      nl: `${sentence.nl}: ${days} dagen opgeschort (${reason})`,
      en: `${sentence.en}: ${days} days suspended (${reason})`,
    };
  }
  const reason = text(extension.reason);
  const duration = text(extension.duration);
  return moved(`verlengd met ${duration} (${reason})`, `extended by ${duration} (${reason})`);
}

/**
 * The timeline sentence of a deadline recomputed with a changed holiday calendar, naming the holidays
 * the new Atw shift skips, e.g. "Uiterste datum verschoven van 14 mei naar 18 mei: feestdagenkalender
 * gewijzigd (15 mei: Vrijdag na Hemelvaartsdag)".
 */
export function recomputedDeadlineSummary(before: Json, after: Json): { nl: string; en: string } {
  const from = finalOf(before);
  const to = finalOf(after);
  const skipped = Array.isArray(after.skipped) ? after.skipped.filter(isObject) : [];
  const holidays = skipped.flatMap((day) =>
    Array.isArray(day.holidays) && day.holidays.length > 0
      ? [{ date: day.date, names: day.holidays.map((name) => text(name)).join(', ') }]
      : [],
  );
  const list = (months: readonly string[]) =>
    holidays.length === 0 ? '' : ` (${holidays.map((h) => `${dayMonth(h.date, months)}: ${h.names}`).join('; ')})`;
  return {
    nl: `Uiterste datum verschoven van ${dayMonth(from, nlMonths)} naar ${dayMonth(to, nlMonths)}: feestdagenkalender gewijzigd${list(nlMonths)}`,
    en: `Deadline moved from ${dayMonth(from, enMonths)} to ${dayMonth(to, enMonths)}: holiday calendar changed${list(enMonths)}`,
  };
}
