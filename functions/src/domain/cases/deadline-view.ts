import { parseLocalDate } from '../calendar';
import { dwangsom, suspendedDaysSoFar } from '../deadlines';
import type { CaseState } from './case-state';

/** The deadline as a reader sees it today (API.md Case.deadline): what the stored one cannot know yet. */
export interface DeadlineView {
  final: string | null;
  planned: string | null;
  /** Including an open suspension counted on to today. */
  suspendedDays: number;
  /** The type grants the permit by operation of law when `final` passes (lex silencio positivo). */
  lexSilencio: boolean;
  /** Awb 4:17 penalty accrued when the type has one and no decision came by `final` (up to the closing day). */
  dwangsom: { days: number; amountCents: number; capped: boolean; firstDay: string } | null;
}

/**
 * The read-time view of a case's deadline, on `today` (Europe/Amsterdam): an open suspension shows its
 * days so far and no final date (DUTCH-RULES §1); a late case of a type with a dwangsom shows what has
 * accrued, until the day it was closed; the lex silencio flag travels with the date it qualifies.
 */
export function deadlineView(
  state: Pick<CaseState, 'deadline' | 'status' | 'suspensions' | 'closedOn'>,
  today: string,
): DeadlineView {
  const { final, planned, closedSuspendedDays } = state.deadline;
  const open = state.status === 'suspended' ? state.suspensions.find((suspension) => suspension.until === null) : undefined;
  const suspendedDays =
    open && closedSuspendedDays !== undefined
      ? closedSuspendedDays + suspendedDaysSoFar({ from: parseLocalDate(open.from) }, parseLocalDate(today))
      : state.deadline.suspendedDays;
  const decidedOrToday = state.status === 'closed' ? state.closedOn : today;
  const accrued =
    state.deadline.dwangsom && final && decidedOrToday && decidedOrToday > final
      ? dwangsom(parseLocalDate(final), parseLocalDate(decidedOrToday))
      : null;
  return {
    final: open ? null : final,
    planned,
    suspendedDays,
    lexSilencio: state.deadline.lexSilencio ?? false,
    dwangsom:
      accrued && accrued.days > 0
        ? { days: accrued.days, amountCents: accrued.amountCents, capped: accrued.capped, firstDay: accrued.firstDay }
        : null,
  };
}
