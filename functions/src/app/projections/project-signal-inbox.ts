import { z } from 'zod';
import { isSignalEventType } from '../../domain/signals';
import type { EventLog } from '../../ports/event-log';
import type { SignalInbox } from '../../ports/signals';
import { signalInboxRows } from './signal-inbox-rows';

/** The outbox message as change-case writes it: the commit's last sequence and its event types in order. */
const CaseChangedMessage = z.object({
  caseId: z.string().min(1),
  sequence: z.number().int().min(1),
  payload: z
    .object({ events: z.array(z.string()) })
    .partial()
    .optional(),
});

/**
 * Puts the signals of one commit into their recipients' inboxes. The message names the commit's last
 * sequence and its event types, so the signal events are read by sequence; messages without signals
 * cost nothing. Idempotent: rows follow from their events, so a redelivered message rewrites the same rows.
 * Returns how many rows were written.
 */
export async function projectSignalInbox(
  message: unknown,
  deps: { eventLog: Pick<EventLog, 'listEvents'>; inbox: Pick<SignalInbox, 'upsert'> },
): Promise<number> {
  const parsed = CaseChangedMessage.safeParse(message);
  if (!parsed.success) return 0;
  const { caseId, sequence } = parsed.data;
  const types = parsed.data.payload?.events ?? [];
  if (!types.some(isSignalEventType)) return 0;
  const first = sequence - types.length + 1;
  const page = await deps.eventLog.listEvents(caseId, { fromSequence: first, limit: types.length });
  const rows = page.events.filter((event) => event.sequence <= sequence).flatMap(signalInboxRows);
  await deps.inbox.upsert(rows);
  return rows.length;
}
