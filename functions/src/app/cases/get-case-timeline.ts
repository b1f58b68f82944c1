import { renderTimelineEntry, type CaseState, type TimelineEntry } from '../../domain/cases';
import type { CaseStore } from '../../ports/case-store';
import type { EventLog } from '../../ports/event-log';
import { caseNotFound } from './case-errors';

/** A case's events, newest first, as human-readable entries (Dutch and English); one page at a time. */
export async function getCaseTimeline(
  deps: { caseStore: Pick<CaseStore, 'load'>; eventLog: Pick<EventLog, 'listEvents'> },
  caseId: string,
  page: { limit: number; cursor?: string },
  /** Authorizes (and records) the read once the case is loaded; throws to refuse. */
  authorize?: (state: CaseState) => void | Promise<void>,
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const loaded = await deps.caseStore.load<CaseState>(caseId);
  if (!loaded) throw caseNotFound(caseId);
  await authorize?.(loaded.state);
  const events = await deps.eventLog.listEvents(caseId, { newestFirst: true, limit: page.limit, cursor: page.cursor });
  return { items: events.events.map(renderTimelineEntry), nextCursor: events.nextCursor };
}
