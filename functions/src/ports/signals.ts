/** A case-type queue row the signal timer looks at: the case, its final deadline, its last deadline signal. */
export interface DeadlineCandidateRow {
  caseId: string;
  finalDeadline: string;
  /** `<kind>|<date>` of the last deadline signal, or null. */
  deadlineSignal: string | null;
}

/** Where the signal timer finds the cases worth loading (the work-queue read model), never a scan of all cases. */
export interface SignalCandidateReader {
  /** Rows of the case type's queue whose final deadline is before `before` (exclusive), earliest first. */
  deadlineRows(caseTypeKey: string, before: string): AsyncIterable<DeadlineCandidateRow>;
  /** Cases whose agenda date (first pending task, reminder or applicant's term) is on or before `today`. */
  agendaCaseIds(today: string): AsyncIterable<string>;
}

/** One signal in one recipient's inbox (Table `Signals`, partition `user:<oid>` or `group:<groupId>`). */
export interface SignalInboxRow {
  /** `user:<oid>` or `group:<groupId>`. */
  recipient: string;
  /** Sorts newest first: `<13-digit inverted time>_<caseId>_<event sequence>`; the signal's public id. */
  signalId: string;
  caseId: string;
  sequence: number;
  kind: string;
  subject: string;
  basis: string;
  caseNumber: string;
  caseTitle: string;
  taskId: string | null;
  taskTitle: string | null;
  raisedAt: string;
}

export interface SignalInboxEntry extends SignalInboxRow {
  /** When this user marked it read (their own mark, also for a group's signal); null while unread. */
  readAt: string | null;
}

/** The signals read model: written by the outbox projector, read per user. */
export interface SignalInbox {
  /** Idempotent: a row's content follows from its event, so writing it again changes nothing. */
  upsert(rows: readonly SignalInboxRow[]): Promise<void>;
  /** The signals of these recipient partitions, newest first, with `userId`'s read marks. */
  list(
    userId: string,
    recipients: readonly string[],
    page: { limit: number; cursor?: string },
  ): Promise<{ entries: SignalInboxEntry[]; nextCursor: string | null }>;
  /** The signal if it is in one of these recipient partitions (with `userId`'s read mark), else null. */
  find(userId: string, recipients: readonly string[], signalId: string): Promise<SignalInboxEntry | null>;
  /** Marks it read for `userId`; the first mark stays. Resolves to the stored readAt. */
  markRead(userId: string, signalId: string, at: string): Promise<string>;
}
