import { atwCalendar, type AtwCalendar } from '../calendar/atw-calendar';
import { addCalendarDuration, calendarDurationOf, parseDuration } from '../calendar/duration';
import { addDays, type LocalDate } from '../calendar/local-date';
import { atwShift } from '../calendar/working-days';
import type { DeadlineInput, DeadlineResult, DeadlineShift, DeadlineStep } from './deadline';
import { defaultDeadlineSettings, type DeadlineSettings } from './deadline-settings';
import { assertExtensionsWithinMaximum } from './extensions';
import { evaluateSuspensions } from './suspensions';

const noShift = (date: LocalDate) => ({ date, days: 0, skipped: [] });

function shiftOf(date: LocalDate, settings: DeadlineSettings, calendar: AtwCalendar) {
  return settings.applyAtwShift ? atwShift(date, calendar) : noShift(date);
}

/**
 * The decision deadline (DUTCH-RULES §1): raw end = receivedOn + legal term + suspended days +
 * extensions; then, once, at the very end, the Algemene termijnenwet shift. Intermediate dates are
 * never shifted (unless `extensionCountsFrom: 'shifted-end'` asks for it). While a suspension is open
 * the final date is unknown and null. Throws typed errors for invalid suspensions and for extensions
 * beyond `maxExtension`.
 */
export function computeDeadline(input: DeadlineInput, calendar: AtwCalendar = atwCalendar): DeadlineResult {
  const settings: DeadlineSettings = { ...defaultDeadlineSettings, ...input.settings };
  const { receivedOn, legalTerm } = input;
  const extensions = input.extensions ?? [];
  parseDuration(legalTerm);
  if (input.serviceNorm) calendarDurationOf(input.serviceNorm);

  const termEnd = addCalendarDuration(receivedOn, legalTerm);
  const steps: DeadlineStep[] = [{ kind: 'legal-term', from: receivedOn, term: legalTerm, to: termEnd }];
  const suspensions = evaluateSuspensions(input.suspensions ?? [], receivedOn, settings);
  steps.push(...suspensions.steps);
  const afterSuspensions = addDays(termEnd, suspensions.days);
  if (suspensions.days > 0) steps.push({ kind: 'suspended-days', from: termEnd, days: suspensions.days, to: afterSuspensions });
  assertExtensionsWithinMaximum(afterSuspensions, extensions, input.maxExtension);

  const common = {
    receivedOn,
    legalTerm,
    suspendedDays: suspensions.days,
    extensions: extensions.map((extension) => extension.duration),
    lexSilencio: input.lexSilencio === true,
    settings,
  };
  if (suspensions.open) {
    return {
      ...common,
      final: null,
      rawEnd: null,
      shiftedBy: null,
      planned: null,
      openSuspension: suspensions.open,
      explanation: steps,
    };
  }

  let rawEnd = afterSuspensions;
  for (const extension of extensions) {
    if (settings.extensionCountsFrom === 'shifted-end') {
      const shifted = shiftOf(rawEnd, settings, calendar);
      if (shifted.days > 0) steps.push({ kind: 'atw-shift', from: rawEnd, to: shifted.date, skipped: shifted.skipped });
      rawEnd = shifted.date;
    }
    const extended = addCalendarDuration(rawEnd, extension.duration);
    steps.push({ kind: 'extension', from: rawEnd, duration: extension.duration, to: extended });
    rawEnd = extended;
  }
  const shift = shiftOf(rawEnd, settings, calendar);
  if (shift.days > 0) steps.push({ kind: 'atw-shift', from: rawEnd, to: shift.date, skipped: shift.skipped });
  steps.push({ kind: 'final', date: shift.date });
  const shiftedBy: DeadlineShift = { days: shift.days, skipped: shift.skipped };

  return {
    ...common,
    final: shift.date,
    rawEnd,
    shiftedBy,
    planned: plannedDate(input, suspensions.days, settings, calendar),
    openSuspension: null,
    explanation: steps,
  };
}

/**
 * The service-norm date: receivedOn + norm + the same suspended days (the organisation cannot work
 * without the information either), shifted the same way so a target never falls on a day nobody works
 * and planned ≤ final whenever norm ≤ legal term. Extensions move the legal end, not the internal target.
 */
function plannedDate(
  input: DeadlineInput,
  suspendedDays: number,
  settings: DeadlineSettings,
  calendar: AtwCalendar,
): LocalDate | null {
  if (!input.serviceNorm) return null;
  const raw = addDays(addCalendarDuration(input.receivedOn, calendarDurationOf(input.serviceNorm)), suspendedDays);
  return shiftOf(raw, settings, calendar).date;
}
