import type { CaseState, SignalMark } from '../cases/case-state';
import type { ChangeStamp, Transition } from '../cases/case-transitions';
import type { CaseEventDraft, JsonValue } from '../events';
import { signalEventType, type DueSignal } from './signals';

/** The signal as its event records it: enough for the timeline, the inbox and later delivery. */
export interface SignalRecord {
  kind: DueSignal['kind'];
  subject: string;
  basis: string;
  recipients: DueSignal['recipients'];
  task: DueSignal['task'];
  case: { number: string; title: string };
}

const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/**
 * Records due signals on the case: one `signal.<kind>` event each, and the subject's mark updated in
 * the same state, so the commit that stores the event also stores "signalled" (exactly once per
 * transition under the case's ETag). Null when nothing is due. `updatedAt` stays: a signal is the
 * system's note about the case, not a change of its content.
 */
export function raiseSignals(state: CaseState, due: readonly DueSignal[], stamp: ChangeStamp): Transition | null {
  if (due.length === 0) return null;
  const signalled: { [subject: string]: SignalMark } = { ...(state.signalled ?? {}) };
  const events: CaseEventDraft[] = due.map((signal) => {
    const before = signalled[signal.subject] ?? null;
    signalled[signal.subject] = { kind: signal.kind, basis: signal.basis, at: stamp.occurredAt };
    const record: SignalRecord = { ...signal, case: { number: state.number, title: state.title } };
    return {
      type: signalEventType(signal.kind),
      occurredAt: stamp.occurredAt,
      actor: stamp.actor,
      ...(stamp.onBehalfOf ? { onBehalfOf: stamp.onBehalfOf } : {}),
      channel: stamp.channel,
      data: { before: { signalled: before }, after: { signal: toJson(record) } },
    };
  });
  return { state: { ...state, signalled }, events };
}
