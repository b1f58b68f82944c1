import type { CaseType } from '../../contract/case-type';
import { parseDuration, parseLocalDate, type LocalDate } from '../calendar';
import { computeDeadline, describeDeadlineChange, suspendedDaysSoFar, type DeadlineResult } from '../deadlines';
import { DomainError } from '../errors';
import type { CaseEventDraft, JsonValue } from '../events';
import { amsterdamToday } from './amsterdam-today';
import type { CaseState } from './case-state';
import type { ChangeStamp, Transition } from './case-transitions';

/** The parts of a case type the deadline reads. */
export type DeadlineRules = Pick<CaseType, 'legalTerm' | 'serviceNorm' | 'suspension' | 'extension' | 'lexSilencio'> &
  Partial<Pick<CaseType, 'dwangsom'>>;

export const suspensionNotAllowed = (key: string) =>
  new DomainError('conflict', 'case.suspension-not-allowed', `Cases of type ${key} cannot be suspended`);
export const alreadySuspended = (from: string) =>
  new DomainError('conflict', 'case.already-suspended', `The case is already suspended since ${from}`);
export const notSuspended = () => new DomainError('conflict', 'case.not-suspended', 'The case is not suspended');
export const extensionNotAllowed = (key: string) =>
  new DomainError('conflict', 'case.extension-not-allowed', `Cases of type ${key} cannot be extended`);
export const suspensionBeforeReceipt = (on: string, receivedOn: string) =>
  new DomainError(
    'rule-violation',
    'deadline.suspension-before-receipt',
    `A suspension on ${on} is before receipt on ${receivedOn}`,
  );
export const resumeBeforeSuspension = (on: string, from: string) =>
  new DomainError(
    'rule-violation',
    'deadline.suspension-ends-before-start',
    `Resuming on ${on} is before the suspension of ${from}`,
  );

/** The type's flags as stored with the deadline (set at registration; kept through every recompute). */
const deadlineFlags = (previous: CaseState['deadline']) => ({
  ...(previous.lexSilencio !== undefined ? { lexSilencio: previous.lexSilencio } : {}),
  ...(previous.dwangsom !== undefined ? { dwangsom: previous.dwangsom } : {}),
  ...(previous.suspensionAllowed !== undefined ? { suspensionAllowed: previous.suspensionAllowed } : {}),
  ...(previous.extensionAllowed !== undefined ? { extensionAllowed: previous.extensionAllowed } : {}),
});

const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/** The engine's result for the case's stored inputs; null when the type has no legal term. */
function recompute(
  state: Pick<CaseState, 'receivedOn' | 'suspensions' | 'extensions'>,
  rules: DeadlineRules,
): DeadlineResult | null {
  if (!rules.legalTerm) return null;
  return computeDeadline({
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
  });
}

/** The stored deadline: while suspended, final null and the suspended days so far (up to `asOf`). */
function storedDeadline(result: DeadlineResult | null, previous: CaseState['deadline'], asOf: LocalDate): CaseState['deadline'] {
  if (!result) return previous;
  const soFar = result.openSuspension ? suspendedDaysSoFar(result.openSuspension, asOf) : 0;
  return {
    final: result.final,
    planned: result.planned,
    suspendedDays: result.suspendedDays + soFar,
    ...(result.openSuspension ? { closedSuspendedDays: result.suspendedDays } : {}),
    ...deadlineFlags(previous),
  };
}

function deadlineTransition(
  state: CaseState,
  next: Pick<CaseState, 'status' | 'suspensions' | 'extensions'>,
  rules: DeadlineRules,
  stamp: ChangeStamp,
  type: string,
  detail: { [key: string]: JsonValue },
  asOf: LocalDate,
): Transition {
  const before = recompute(state, rules);
  const after = recompute({ ...state, ...next }, rules);
  const deadline = storedDeadline(after, state.deadline, asOf);
  const change = after ? describeDeadlineChange(before, after) : null;
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  const event: CaseEventDraft = {
    type,
    occurredAt,
    actor,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    channel,
    data: {
      before: { status: state.status, deadline: state.deadline },
      after: {
        status: next.status,
        deadline,
        ...detail,
        deadlineChange: toJson(change),
        explanation: toJson(after?.explanation ?? []),
      },
    },
  };
  return { state: { ...state, ...next, deadline, updatedAt: occurredAt }, events: [event] };
}

const latest = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);

const openSuspensionOf = (state: CaseState) => state.suspensions.find((suspension) => suspension.until === null);

/**
 * Awb 4:15: the organisation asks the applicant to supplement the application, with a term of its own
 * (case law: a request without one does not suspend, so `term` is required). The final date is unknown
 * until the case resumes; the days suspended so far are shown.
 */
export function suspendCase(
  state: CaseState,
  request: { on: LocalDate; reason: string; term: string },
  rules: DeadlineRules,
  stamp: ChangeStamp,
): Transition {
  if (!rules.suspension.allowed) throw suspensionNotAllowed(state.caseType.key);
  const open = openSuspensionOf(state);
  if (open) throw alreadySuspended(open.from);
  if (request.on < state.receivedOn) throw suspensionBeforeReceipt(request.on, state.receivedOn);
  parseDuration(request.term);
  const suspension = { from: request.on, until: null, reason: request.reason, term: request.term };
  return deadlineTransition(
    state,
    { status: 'suspended', suspensions: [...state.suspensions, suspension], extensions: state.extensions },
    rules,
    stamp,
    'case.suspended',
    { suspension },
    // Recorded after the fact (request on the 10th, entered on the 15th): the days so far count up to today.
    latest(request.on, amsterdamToday(new Date(stamp.occurredAt))),
  );
}

/** The information arrived on `on`: the open suspension ends and the deadline is known again. */
export function resumeCase(state: CaseState, request: { on: LocalDate }, rules: DeadlineRules, stamp: ChangeStamp): Transition {
  const open = openSuspensionOf(state);
  if (!open || state.status !== 'suspended') throw notSuspended();
  if (request.on < open.from) throw resumeBeforeSuspension(request.on, open.from);
  const closed = { ...open, until: request.on };
  const suspensions = state.suspensions.map((suspension) => (suspension === open ? closed : suspension));
  // The final date as it was before this suspension, so the timeline can say how far it moved.
  const without = recompute({ ...state, suspensions: state.suspensions.filter((suspension) => suspension !== open) }, rules);
  const withIt = recompute({ ...state, suspensions }, rules);
  const days = (withIt?.suspendedDays ?? 0) - (without?.suspendedDays ?? 0);
  return deadlineTransition(
    state,
    { status: 'open', suspensions, extensions: state.extensions },
    rules,
    stamp,
    'case.resumed',
    { suspension: closed, movedFrom: without?.final ?? null, days },
    request.on,
  );
}

/** Awb 4:14 / 7:10: extends the term by a fixed period, within the type's maximum (the engine checks it, 422). */
export function extendCase(
  state: CaseState,
  request: { duration: string; reason: string },
  rules: DeadlineRules,
  stamp: ChangeStamp,
): Transition {
  if (!rules.extension.allowed) throw extensionNotAllowed(state.caseType.key);
  parseDuration(request.duration);
  const extension = { duration: request.duration, reason: request.reason };
  return deadlineTransition(
    state,
    { status: state.status, suspensions: state.suspensions, extensions: [...state.extensions, extension] },
    rules,
    stamp,
    'case.extended',
    { extension },
    amsterdamToday(new Date(stamp.occurredAt)),
  );
}
