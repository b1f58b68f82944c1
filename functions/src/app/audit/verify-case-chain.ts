import { verifyChain, type ChainBreak } from '../../domain/events';
import type { CaseStore } from '../../ports/case-store';
import { UnreadableEvent, type EventLog } from '../../ports/event-log';

export type CaseChainReport =
  | { caseId: string; ok: true; count: number }
  | { caseId: string; ok: false; brokenAt: number; reason: ChainBreak | 'unreadable-event' }
  | { caseId: string; ok: false; reason: 'case-not-found' };

/**
 * Checks one case's audit trail: every event from sequence 1 against its hash and its predecessor,
 * and the end of the chain against the head the case row records (so events cut off the end show).
 * Used by `npm run audit:verify` and `GET /api/v1/cases/{id}/audit`.
 */
export async function verifyCaseChain(
  deps: { caseStore: CaseStore; eventLog: EventLog },
  caseId: string,
): Promise<CaseChainReport> {
  const loaded = await deps.caseStore.load(caseId);
  if (!loaded) return { caseId, ok: false, reason: 'case-not-found' };
  let events;
  try {
    events = await deps.eventLog.allEvents(caseId);
  } catch (error) {
    if (error instanceof UnreadableEvent) return { caseId, ok: false, brokenAt: error.sequence, reason: 'unreadable-event' };
    throw error;
  }
  const verdict = verifyChain(events, { sequence: loaded.lastSequence, hash: loaded.lastHash });
  return verdict.ok
    ? { caseId, ok: true, count: verdict.count }
    : { caseId, ok: false, brokenAt: verdict.brokenAt, reason: verdict.reason };
}
