import type { JsonValue } from '../domain/events';

/** What a commit asks to be sent after it succeeds (to projectors, notifications). */
export interface OutboxDraft {
  /** e.g. `case.changed`, `task.assigned`; consumers route on it. */
  type: string;
  payload?: JsonValue;
}

/**
 * The message on the queue. `messageId` is `${caseId}:${sequence}:${n}` — deterministic, so a consumer
 * that sees it twice (at-least-once delivery) can drop the repeat. `sequence` is the last event
 * sequence of the commit that produced it; `n` its position within that commit.
 */
export interface OutboxMessage {
  messageId: string;
  caseId: string;
  sequence: number;
  n: number;
  type: string;
  payload: JsonValue;
}

export const outboxMessageId = (caseId: string, sequence: number, n: number): string => `${caseId}:${sequence}:${n}`;

export interface OutboxDispatcher {
  /**
   * Sends a case's pending outbox rows to the queue, then deletes them (and `marker`, the commit's
   * pending-dispatch marker). At least once: a crash between send and delete sends again later.
   * Returns how many messages were sent. With `written` (the commit's own rows, from its result) exactly
   * those are sent and deleted by key, without a query; rows other commits left behind are the sweep's.
   */
  dispatchOutbox(caseId: string, marker?: string | null, written?: readonly OutboxMessage[]): Promise<number>;
  /** Dispatches every case whose commit left pending outbox rows before `olderThan` (the timer's sweep). */
  sweepOutbox(options?: { olderThanMs?: number }): Promise<{ cases: number; messages: number }>;
}
