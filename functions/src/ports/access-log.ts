import type { Confidentiality } from '../domain/confidentiality';
import type { EventChannel } from '../domain/events';

/**
 * One read of a case's personal data (inzageregistratie, DUTCH-RULES.md §5): who, when, which case,
 * through which channel and for what, with the case's parties at the time of reading. The per-person
 * report ("who looked at the file of applicant X") finds the person's cases in the party index written at
 * registration (`indexParties`), then their records.
 */
export interface AccessRecord {
  id: string;
  /** ISO instant (UTC) from the one clock. */
  at: string;
  caseId: string;
  caseNumber: string;
  caseTypeKey: string;
  confidentiality: Confidentiality;
  user: { id: string; name: string };
  /** Set when an app (the Teams bot) read on the user's behalf. */
  via: { appId: string; name: string } | null;
  channel: EventChannel;
  /** What was read: `case`, `timeline`, `document:<id>:<version>` for a file downloaded. */
  purpose: string;
  parties: { role: string; name: string; email: string | null }[];
}

export interface AccessRecordPage {
  records: AccessRecord[];
  nextCursor: string | null;
}

/** The outcome of checking a case's hash chain of access records. */
export interface AccessLogVerification {
  valid: boolean;
  count: number;
  /** The position (1-based, in append order) where the chain first breaks. */
  brokenAt?: number;
}

/**
 * Append-only: records are added and listed, never changed or removed (there is no method for it).
 * A case's records are hash-chained, so a change or removal behind the API's back is detectable.
 */
export interface AccessLog {
  /**
   * Resolves when the record is durably stored; a read may be served only then. Concurrent appends to
   * one case are ordered by the chain (none is lost).
   */
  append(record: AccessRecord): Promise<void>;
  /**
   * A hint that an append to this case is likely soon (a read of it has started): an adapter may fetch
   * what the append needs now, so the append costs less. Never fails, never writes anything.
   */
  prepareAppend?(caseId: string): void;
  /** A case's records, newest first. */
  listForCase(caseId: string, page: { limit: number; cursor?: string }): Promise<AccessRecordPage>;
  /**
   * Files the case under each of its parties' names and e-mail addresses (case-insensitive), for
   * `listForPerson`. Idempotent. Written once, when the case is registered: parties do not change after.
   */
  indexParties(caseId: string, parties: readonly { name: string; email: string | null }[]): Promise<void>;
  /** Records of the cases filed under this e-mail address or name (case-insensitive), newest first. */
  listForPerson(person: string, page: { limit: number; cursor?: string }): Promise<AccessRecordPage>;
  /** Recomputes the hash chain of a case's records. */
  verifyCase(caseId: string): Promise<AccessLogVerification>;
}
