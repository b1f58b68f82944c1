import { addCalendarDuration, parseDuration } from '../calendar/duration';
import { addDays, compareLocalDates, daysBetween, type LocalDate } from '../calendar/local-date';
import type { DeadlineStep, OpenSuspension, Suspension } from './deadline';
import { SuspensionBeforeReceipt, SuspensionEndsBeforeStart, SuspensionsOverlap } from './deadline-errors';
import type { DeadlineSettings } from './deadline-settings';

export interface EvaluatedSuspensions {
  /** Days suspended by the closed suspensions together. */
  readonly days: number;
  readonly open: OpenSuspension | null;
  readonly steps: readonly DeadlineStep[];
}

/**
 * Awb 4:15: suspended from the day after the request up to, not including, the day the information
 * arrives (request 10 March, supplement 20 March: 11–19 March, 9 days); with `supplementDaySuspended`
 * the day it arrives counts too (10 days).
 */
export function suspendedDaysOf(from: LocalDate, until: LocalDate, settings: DeadlineSettings): number {
  const days = daysBetween(from, until) - (settings.supplementDaySuspended ? 0 : 1);
  return Math.max(0, days);
}

/** Days an open suspension has stopped the clock so far: from the day after the request through `asOf`. */
export const suspendedDaysSoFar = (open: Pick<OpenSuspension, 'from'>, asOf: LocalDate): number =>
  Math.max(0, daysBetween(open.from, asOf));

// The suspended days as a closed interval [first, last]; an open suspension runs on without a last day.
function interval(suspension: Suspension, settings: DeadlineSettings): { first: LocalDate; last: LocalDate | null } {
  const first = addDays(suspension.from, 1);
  if (suspension.until === null) return { first, last: null };
  return { first, last: addDays(suspension.from, suspendedDaysOf(suspension.from, suspension.until, settings)) };
}

function assertValid(suspensions: readonly Suspension[], receivedOn: LocalDate, settings: DeadlineSettings): void {
  for (const suspension of suspensions) {
    if (suspension.from < receivedOn) throw new SuspensionBeforeReceipt(suspension.from, receivedOn);
    if (suspension.until !== null && suspension.until < suspension.from) {
      throw new SuspensionEndsBeforeStart(suspension.from, suspension.until);
    }
  }
  const sorted = [...suspensions].sort((a, b) => compareLocalDates(a.from, b.from));
  sorted.forEach((earlier, index) => {
    const later = sorted[index + 1];
    if (!later) return;
    const { last } = interval(earlier, settings);
    // An open suspension has no end: nothing may start after it. Otherwise suspended days must not repeat.
    if (last === null || interval(later, settings).first <= last) throw new SuspensionsOverlap(earlier.from, later.from);
  });
}

/** Adds up the closed suspensions, finds the open one, and explains each; suspensions without a term do not count. */
export function evaluateSuspensions(
  suspensions: readonly Suspension[],
  receivedOn: LocalDate,
  settings: DeadlineSettings,
): EvaluatedSuspensions {
  assertValid(suspensions, receivedOn, settings);
  const steps: DeadlineStep[] = [];
  let days = 0;
  let open: OpenSuspension | null = null;
  for (const suspension of [...suspensions].sort((a, b) => compareLocalDates(a.from, b.from))) {
    const { from, until, term } = suspension;
    if (!term) {
      // Case law on Awb 4:15: a request without its own term does not suspend the decision term.
      steps.push({ kind: 'suspension-without-term', from, until });
    } else if (until === null) {
      parseDuration(term);
      open = { from, term, respondBy: addCalendarDuration(from, term) };
      steps.push({ kind: 'suspension-open', ...open });
    } else {
      parseDuration(term);
      const suspended = suspendedDaysOf(from, until, settings);
      days += suspended;
      steps.push({ kind: 'suspension', from, until, days: suspended });
    }
  }
  return { days, open, steps };
}
