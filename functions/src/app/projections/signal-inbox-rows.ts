import type { CaseEvent, JsonValue } from '../../domain/events';
import { isSignalEventType } from '../../domain/signals';
import type { SignalInboxRow } from '../../ports/signals';

type Json = { [key: string]: JsonValue };
const isObject = (value: JsonValue | undefined): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);

/** Far enough ahead that inverted times stay 13 digits until the year 2286. */
const invertBase = 9_999_999_999_999;

/** A signal's id: newest first in key order, unique per event, URL-safe. */
export function signalIdOf(event: Pick<CaseEvent, 'caseId' | 'sequence' | 'occurredAt'>): string {
  const inverted = String(invertBase - Date.parse(event.occurredAt)).padStart(13, '0');
  return `${inverted}_${event.caseId}_${event.sequence}`;
}

export const signalIdPattern = /^\d{13}_[A-Za-z0-9-]{1,100}_\d{1,10}$/;

export const recipientKey = (recipient: { kind: string; id: string }): string => `${recipient.kind}:${recipient.id}`;

/** The inbox rows of one event: one per recipient of a `signal.*` event, none for any other event (pure). */
export function signalInboxRows(event: CaseEvent): SignalInboxRow[] {
  if (!isSignalEventType(event.type)) return [];
  const after = isObject(event.data.after) ? event.data.after : {};
  const signal = isObject(after.signal) ? after.signal : {};
  const theCase = isObject(signal.case) ? signal.case : {};
  const task = isObject(signal.task) ? signal.task : null;
  const recipients = Array.isArray(signal.recipients) ? signal.recipients.filter(isObject) : [];
  const signalId = signalIdOf(event);
  return recipients.flatMap((recipient) => {
    const kind = str(recipient.kind);
    const id = str(recipient.id);
    if ((kind !== 'user' && kind !== 'group') || !id) return [];
    return [
      {
        recipient: recipientKey({ kind, id }),
        signalId,
        caseId: event.caseId,
        sequence: event.sequence,
        kind: str(signal.kind) ?? event.type.slice('signal.'.length),
        subject: str(signal.subject) ?? '',
        basis: str(signal.basis) ?? '',
        caseNumber: str(theCase.number) ?? '',
        caseTitle: str(theCase.title) ?? '',
        taskId: task ? str(task.id) : null,
        taskTitle: task ? str(task.title) : null,
        raisedAt: event.occurredAt,
      },
    ];
  });
}
