import type { JsonValue } from '../events';
import { isObject, text, nlMonths, enMonths, fullDate } from '../events/summary-text';

/**
 * A signal in Dutch and English, from the `signal` object its event records (`kind`, `basis`, `task`):
 * the timeline and GET /signals say the same.
 */
export function signalSummary(signal: JsonValue | undefined): { nl: string; en: string } {
  const s = isObject(signal) ? signal : {};
  const nlDate = fullDate(s.basis, nlMonths);
  const enDate = fullDate(s.basis, enMonths);
  const task = isObject(s.task) ? text(s.task.title) : '?';
  switch (s.kind) {
    case 'deadline-at-risk':
      return {
        nl: `Signaal: de uiterste datum ${nlDate} komt in gevaar`,
        en: `Signal: the deadline of ${enDate} is at risk`,
      };
    case 'deadline-overdue':
      return {
        nl: `Signaal: de uiterste datum ${nlDate} is verstreken`,
        en: `Signal: the deadline of ${enDate} has passed`,
      };
    case 'task-overdue':
      return {
        nl: `Signaal: taak "${task}" had klaar moeten zijn op ${nlDate}`,
        en: `Signal: task "${task}" was due on ${enDate}`,
      };
    case 'task-reminder':
      return {
        nl: `Herinnering: taak "${task}" (herinneren op ${nlDate})`,
        en: `Reminder: task "${task}" (remind on ${enDate})`,
      };
    case 'suspension-lapsed':
      return {
        nl: `Signaal: de aanvultermijn van de aanvrager (tot en met ${nlDate}) is verstreken`,
        en: `Signal: the applicant's term to supplement (through ${enDate}) has lapsed`,
      };
    default:
      return { nl: `Signaal: ${text(s.kind)}`, en: `Signal: ${text(s.kind)}` };
  }
}
