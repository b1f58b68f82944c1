import type { Outcome } from '../../contract/case-type';
import { isLocalDate, type LocalDate } from '../calendar';
import { clearOnReopen, computeArchiveAction, type ArchiveReason } from '../retention';
import type { CaseState } from './case-state';

/** Trigger inputs that live outside the case row (linked cases), read by the use case before closing. */
export interface ArchiveContext {
  /** Closing dates of related cases (null for one still open). */
  relatedClosedOn?: (string | null)[];
  /** The parent's closing date (null while open); absent without a parent. */
  parentClosedOn?: string | null;
}

const dateOrNull = (value: string | null | undefined): LocalDate | null => (isLocalDate(value) ? value : null);

/**
 * The case's archive fields for its outcome (DUTCH-RULES §2), from the pure retention code: action and
 * action date = trigger date + period, or no date yet with the reason. An outcome `retain` without a
 * period is kept permanently (blijvend bewaren): action retain, no action date, reason `permanent`.
 */
export function archiveFor(
  outcome: Pick<Outcome, 'archive'>,
  state: Pick<CaseState, 'closedOn' | 'fields' | 'archive'>,
  context: ArchiveContext = {},
): CaseState['archive'] {
  const { action, period, trigger, field } = outcome.archive;
  const manualDate = state.archive.manualDate ?? null;
  if (period === undefined) {
    return { action, actionDate: null, status: 'pending', triggerDate: null, reason: 'permanent', manualDate };
  }
  const result = computeArchiveAction({
    outcome: { action, period, trigger, ...(field ? { field } : {}) },
    closedOn: dateOrNull(state.closedOn),
    fields: state.fields,
    decisions: [],
    ...(context.relatedClosedOn ? { relatedClosedOn: context.relatedClosedOn.map(dateOrNull) } : {}),
    ...(context.parentClosedOn !== undefined ? { parentClosedOn: dateOrNull(context.parentClosedOn) } : {}),
    manualDate: dateOrNull(manualDate),
  });
  return {
    action: result.action,
    actionDate: result.actionDate,
    status: 'pending',
    triggerDate: result.triggerDate,
    reason: result.reason,
    manualDate,
  };
}

/** Reopening clears the outcome-derived archive fields, a hand-set manual date included (clearOnReopen). */
export function archiveAfterReopen(archive: CaseState['archive']): CaseState['archive'] {
  const cleared = clearOnReopen({
    action: archive.action,
    actionDate: dateOrNull(archive.actionDate),
    triggerDate: dateOrNull(archive.triggerDate),
    reason: (archive.reason ?? 'computed') as ArchiveReason,
    manualDate: dateOrNull(archive.manualDate),
  });
  return { ...archive, ...cleared, status: 'pending' };
}
