import type { LocalDate } from '../calendar/local-date';

/** `retain` = blijvend bewaren (transfer to the archive), `destroy` = vernietigen. */
export type ArchiveAction = 'retain' | 'destroy';

/** Which date the retention period counts from (DUTCH-RULES §2). */
export type ArchiveTrigger = 'closed' | 'field' | 'decision' | 'related' | 'parent' | 'manual';

/** The archive settings an outcome (resultaattype) of a case type carries. */
export interface OutcomeArchiveSettings {
  readonly action: ArchiveAction;
  /** ISO duration, e.g. P5Y. */
  readonly period: string;
  readonly trigger: ArchiveTrigger;
  /** For `field`: the case field holding the date, e.g. a permit's expiry date. */
  readonly field?: string;
  /**
   * For `decision`: which date of each decision counts; the latest over all decisions is the trigger date.
   * `latest` (default): the expiry date, or the effective date of a decision without one.
   */
  readonly decisionDate?: 'latest' | 'effective' | 'expiry';
}

export interface ArchiveDecision {
  readonly effectiveOn?: LocalDate | null;
  readonly expiresOn?: LocalDate | null;
}

export interface ArchiveInput {
  readonly outcome: OutcomeArchiveSettings;
  /** Null while the case is open: an open case has no archive date. */
  readonly closedOn: LocalDate | null;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly decisions?: readonly ArchiveDecision[];
  /** Closing dates of related cases; null for one still open. */
  readonly relatedClosedOn?: readonly (LocalDate | null)[];
  /** The parent case's closing date; null while it is open, absent when there is no parent. */
  readonly parentClosedOn?: LocalDate | null;
  /** For `manual`: the date the records manager set. */
  readonly manualDate?: LocalDate | null;
}

/** Why the action date is what it is; every reason but `computed` means there is no date (yet). */
export type ArchiveReason =
  | 'computed'
  | 'case-not-closed'
  | 'field-empty'
  | 'field-not-a-date'
  | 'no-decisions'
  | 'decision-date-missing'
  | 'no-related-cases'
  | 'related-case-open'
  | 'no-parent'
  | 'parent-open'
  | 'manual-date-not-set'
  | 'case-reopened';

/** The outcome-derived archive fields of a case. */
export interface CaseArchive {
  readonly action: ArchiveAction | null;
  /** trigger date + period; null until the trigger has a date. Destruction needs a date in the past. */
  readonly actionDate: LocalDate | null;
  readonly triggerDate: LocalDate | null;
  readonly reason: ArchiveReason;
}
