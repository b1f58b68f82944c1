import { renderTimelineEntry, type CaseLink, type CaseState, type TimelineEntry } from '../../domain/cases';
import type { CaseEvent } from '../../domain/events';
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
  /** Whether the reader may see a linked case (its level within their ceiling); link events to others are left out. */
  seesLink: (link: Pick<CaseLink, 'caseType' | 'confidentiality'>) => boolean = () => true,
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const loaded = await deps.caseStore.load<CaseState>(caseId);
  if (!loaded) throw caseNotFound(caseId);
  await authorize?.(loaded.state);
  const events = await deps.eventLog.listEvents(caseId, { newestFirst: true, limit: page.limit, cursor: page.cursor });
  const shown = events.events.filter((event) => seesLinkOf(event, seesLink));
  return { items: shown.map(renderTimelineEntry), nextCursor: events.nextCursor };
}

/** A link event names the other case: shown only when the reader may see that case. */
function seesLinkOf(event: CaseEvent, seesLink: (link: Pick<CaseLink, 'caseType' | 'confidentiality'>) => boolean): boolean {
  if (event.type !== 'case.linked' && event.type !== 'case.unlinked') return true;
  const { before, after } = event.data as { before?: { link?: CaseLink | null }; after?: { link?: CaseLink | null } };
  const link = after?.link ?? before?.link;
  return !link || seesLink(link);
}
