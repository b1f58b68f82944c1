import type { CaseEvent } from '../domain/events';

/** The one clock events and expiries are stamped with (UTC). Adapters: the system clock; tests: a fixed one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface EventPage {
  events: CaseEvent[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

export interface ListEventsOptions {
  /** Oldest-first: start at this sequence; newest-first: start at this sequence and go down. */
  fromSequence?: number;
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
}

/** Reads a case's audit trail (written only through CaseStore.commit). */
export interface EventLog {
  listEvents(caseId: string, options: ListEventsOptions): Promise<EventPage>;
  /** Every event of a case, oldest first (for verification and rebuilds). */
  allEvents(caseId: string): Promise<CaseEvent[]>;
  /** Every case id in the store, in pages (for `audit:verify --all` and rebuilds). */
  listCaseIds(page: { limit: number; cursor?: string }): Promise<{ caseIds: string[]; nextCursor: string | null }>;
}

/** A stored event row that no longer parses as an event (e.g. edited by hand): the chain breaks here. */
export class UnreadableEvent extends Error {
  readonly code = 'events.unreadable';
  constructor(
    readonly caseId: string,
    readonly sequence: number,
  ) {
    super(`case ${caseId}: event ${sequence} cannot be read`);
    this.name = 'UnreadableEvent';
  }
}
