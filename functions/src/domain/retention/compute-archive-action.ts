import { addCalendarDuration, parseDuration } from '../calendar/duration';
import { isLocalDate, latestOf, type LocalDate } from '../calendar/local-date';
import type { ArchiveDecision, ArchiveInput, ArchiveReason, CaseArchive, OutcomeArchiveSettings } from './archive';
import { ArchiveFieldNotConfigured } from './retention-errors';

type TriggerDate = { readonly date: LocalDate } | { readonly missing: Exclude<ArchiveReason, 'computed'> };

function fieldDate(outcome: OutcomeArchiveSettings, fields: ArchiveInput['fields']): TriggerDate {
  if (!outcome.field) throw new ArchiveFieldNotConfigured();
  const value = fields?.[outcome.field];
  if (value === undefined || value === null || value === '') return { missing: 'field-empty' };
  return isLocalDate(value) ? { date: value } : { missing: 'field-not-a-date' };
}

function decisionDate(outcome: OutcomeArchiveSettings, decisions: readonly ArchiveDecision[]): TriggerDate {
  if (decisions.length === 0) return { missing: 'no-decisions' };
  const mode = outcome.decisionDate ?? 'latest';
  const dates = decisions.map((decision) =>
    mode === 'effective'
      ? decision.effectiveOn
      : mode === 'expiry'
        ? decision.expiresOn
        : (decision.expiresOn ?? decision.effectiveOn),
  );
  // One decision without its date makes the latest date unknown (a permit without expiry runs on).
  if (dates.some((date) => !date)) return { missing: 'decision-date-missing' };
  return { date: latestOf(dates as LocalDate[]) as LocalDate };
}

function relatedDate(closedOn: readonly (LocalDate | null)[]): TriggerDate {
  if (closedOn.length === 0) return { missing: 'no-related-cases' };
  if (closedOn.some((date) => date === null)) return { missing: 'related-case-open' };
  return { date: latestOf(closedOn as LocalDate[]) as LocalDate };
}

function triggerDate(input: ArchiveInput, closedOn: LocalDate): TriggerDate {
  const { outcome } = input;
  switch (outcome.trigger) {
    case 'closed':
      return { date: closedOn };
    case 'field':
      return fieldDate(outcome, input.fields);
    case 'decision':
      return decisionDate(outcome, input.decisions ?? []);
    case 'related':
      return relatedDate(input.relatedClosedOn ?? []);
    case 'parent':
      if (input.parentClosedOn === undefined) return { missing: 'no-parent' };
      return input.parentClosedOn === null ? { missing: 'parent-open' } : { date: input.parentClosedOn };
    case 'manual':
      return input.manualDate ? { date: input.manualDate } : { missing: 'manual-date-not-set' };
  }
}

/**
 * DUTCH-RULES §2: action date = trigger date + the outcome's period (years keep the day of the month;
 * 29 February becomes 28 February in a common year). No trigger date yet (an empty field, an open parent,
 * no manual date) means no action date yet, with the reason; call again whenever a trigger input changes.
 */
export function computeArchiveAction(input: ArchiveInput): CaseArchive {
  const { action, period } = input.outcome;
  parseDuration(period);
  if (input.closedOn === null) return { action, actionDate: null, triggerDate: null, reason: 'case-not-closed' };
  const trigger = triggerDate(input, input.closedOn);
  if ('missing' in trigger) return { action, actionDate: null, triggerDate: null, reason: trigger.missing };
  return { action, actionDate: addCalendarDuration(trigger.date, period), triggerDate: trigger.date, reason: 'computed' };
}
