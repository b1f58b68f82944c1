import type { CaseEventDraft, ChainHead, JsonValue } from '../domain/events';
import type { OutboxDraft, OutboxMessage } from './outbox';

/** A case as loaded: its state, the ETag to update it with, and where its event chain ends. */
export interface LoadedCase<S extends JsonValue = JsonValue> {
  state: S;
  etag: string;
  lastSequence: number;
  lastHash: string;
}

/** Query columns copied onto the case row (e.g. number, caseTypeKey, status) for point lookups and tooling. */
export type CaseRowColumns = Record<string, string | number | boolean>;

export interface CaseCommit<S extends JsonValue = JsonValue> {
  /** 'new' creates the case (fails if it exists); otherwise the case as loaded (its etag and chain head). */
  expected: 'new' | Pick<LoadedCase, 'etag' | 'lastSequence' | 'lastHash'>;
  state: S;
  /** At least one: every change is recorded. */
  events: CaseEventDraft[];
  outbox?: OutboxDraft[];
  columns?: CaseRowColumns;
  /**
   * Writes elsewhere that must be stored before the transaction is sent (e.g. the number index entry of
   * a registration): the store overlaps them with its own preparatory writes and sends the transaction
   * only when they have succeeded; their failure fails the commit with nothing of the case written.
   */
  before?: Promise<unknown>;
}

export interface CommitResult {
  etag: string;
  head: ChainHead;
  /** How many outbox rows the commit wrote (0: nothing to dispatch). */
  outboxCount: number;
  /**
   * The pending-dispatch marker written just before the transaction (null without outbox rows): pass it
   * to `dispatchOutbox` so the marker goes once the rows are sent; the sweep dispatches what is left.
   */
  outboxMarker: string | null;
  /** The outbox rows the commit wrote, for `dispatchOutbox` to send without querying for them (decision 0019). */
  outboxMessages?: OutboxMessage[];
}

/**
 * One partition per case. `commit` writes the case row, the new events and the outbox rows in one
 * entity-group transaction: all or nothing, guarded by the case row's ETag.
 */
export interface CaseStore {
  load<S extends JsonValue = JsonValue>(caseId: string): Promise<LoadedCase<S> | null>;
  commit<S extends JsonValue>(caseId: string, commit: CaseCommit<S>): Promise<CommitResult>;
}

/** Someone else changed (or created) the case since it was loaded; nothing was written. Maps to 412. */
export class ConcurrencyConflict extends Error {
  readonly code = 'case.etag-mismatch';
  constructor(
    readonly caseId: string,
    /** The case's etag now (null when it does not exist), for the 412 response. */
    readonly currentEtag: string | null,
  ) {
    super(`case ${caseId} was changed by someone else`);
    this.name = 'ConcurrencyConflict';
  }
}

export type TransactionLimit = 'operations' | 'batch-bytes' | 'entity-bytes' | 'properties' | 'message-bytes';

/** The change does not fit one entity-group transaction (100 operations, 4 MiB, 1 MiB per row) or a queue message. */
export class TransactionTooLarge extends Error {
  readonly code = 'case.change-too-large';
  constructor(
    readonly limit: TransactionLimit,
    readonly actual: number,
    readonly maximum: number,
  ) {
    super(`the change exceeds the ${limit} limit (${actual} > ${maximum})`);
    this.name = 'TransactionTooLarge';
  }
}

/** The store refused a commit for a reason other than the ETag (e.g. an event row that should not exist). */
export class CaseStoreIntegrityError extends Error {
  readonly code = 'case.store-integrity';
  constructor(
    readonly caseId: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`case ${caseId}: ${message}`, options);
    this.name = 'CaseStoreIntegrityError';
  }
}
