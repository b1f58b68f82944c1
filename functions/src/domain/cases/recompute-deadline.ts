import { parseLocalDate, type AtwCalendar, type NonWorkingDay } from '../calendar';
import { computeDeadline, suspendedDaysSoFar } from '../deadlines';
import type { CaseEventDraft, JsonValue } from '../events';
import { amsterdamToday } from './amsterdam-today';
import type { CaseState } from './case-state';
import type { ChangeStamp, Transition } from './case-transitions';
import type { DeadlineRules } from './deadline-transitions';

const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/**
 * Recomputes an open case's deadline from its stored inputs with `calendar` (e.g. after a new royal
 * decree day was added to the data file). Null when the final and planned dates stay the same, for
 * closed cases and for types without a legal term. The event keeps both dates and the Atw shift that
 * explains the new one (which non-working days it skipped).
 */
export function recomputeDeadline(
  state: CaseState,
  rules: DeadlineRules,
  calendar: AtwCalendar,
  stamp: ChangeStamp,
): Transition | null {
  if (state.status === 'closed' || !rules.legalTerm) return null;
  const result = computeDeadline(
    {
      receivedOn: parseLocalDate(state.receivedOn),
      legalTerm: rules.legalTerm,
      serviceNorm: rules.serviceNorm ?? null,
      suspensions: state.suspensions.map(({ from, until, term }) => ({
        from: parseLocalDate(from),
        until: until === null ? null : parseLocalDate(until),
        term,
      })),
      extensions: state.extensions.map(({ duration }) => ({ duration })),
      maxExtension: rules.extension.max ?? null,
      lexSilencio: rules.lexSilencio,
    },
    calendar,
  );
  if (result.final === state.deadline.final && result.planned === state.deadline.planned) return null;
  const asOf = amsterdamToday(new Date(stamp.occurredAt));
  const soFar = result.openSuspension ? suspendedDaysSoFar(result.openSuspension, asOf) : 0;
  const deadline: CaseState['deadline'] = {
    ...state.deadline,
    final: result.final,
    planned: result.planned,
    suspendedDays: result.suspendedDays + soFar,
  };
  const skipped: readonly NonWorkingDay[] = result.shiftedBy?.skipped ?? [];
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  const event: CaseEventDraft = {
    type: 'case.deadline-recomputed',
    occurredAt,
    actor,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    channel,
    data: {
      before: { deadline: state.deadline },
      after: { deadline, reason: 'holiday-calendar', skipped: toJson(skipped), explanation: toJson(result.explanation) },
    },
  };
  return { state: { ...state, deadline, updatedAt: occurredAt }, events: [event] };
}
