import type { LocalDate } from '../calendar/local-date';
import type { DeadlineResult } from './deadline';

/** Why a deadline moved between two computations. */
export type DeadlineChangeCause =
  | { readonly kind: 'received-on'; readonly from: LocalDate; readonly to: LocalDate }
  | { readonly kind: 'legal-term'; readonly from: string; readonly to: string }
  | { readonly kind: 'suspended-days'; readonly days: number }
  | { readonly kind: 'suspension-opened'; readonly from: LocalDate }
  | { readonly kind: 'extended'; readonly durations: readonly string[] }
  | { readonly kind: 'extensions-changed'; readonly from: readonly string[]; readonly to: readonly string[] }
  | { readonly kind: 'calendar-or-settings' };

export interface DeadlineChange {
  readonly from: LocalDate | null;
  readonly to: LocalDate | null;
  readonly changed: boolean;
  readonly causes: readonly DeadlineChangeCause[];
}

/**
 * Compares two results of `computeDeadline` for the timeline, e.g. "deadline moved from 28 April to
 * 7 May: 9 days suspended awaiting information". When no input explains a change, the holiday
 * calendar (a new decree day) or the settings did.
 */
export function describeDeadlineChange(before: DeadlineResult | null, after: DeadlineResult): DeadlineChange {
  const from = before?.final ?? null;
  const to = after.final;
  const causes: DeadlineChangeCause[] = [];
  if (before) {
    if (before.receivedOn !== after.receivedOn)
      causes.push({ kind: 'received-on', from: before.receivedOn, to: after.receivedOn });
    if (before.legalTerm !== after.legalTerm) causes.push({ kind: 'legal-term', from: before.legalTerm, to: after.legalTerm });
    if (after.suspendedDays !== before.suspendedDays)
      causes.push({ kind: 'suspended-days', days: after.suspendedDays - before.suspendedDays });
    if (after.openSuspension && before.openSuspension?.from !== after.openSuspension.from) {
      causes.push({ kind: 'suspension-opened', from: after.openSuspension.from });
    }
    const appended = before.extensions.every((duration, index) => after.extensions[index] === duration);
    if (!appended) causes.push({ kind: 'extensions-changed', from: before.extensions, to: after.extensions });
    else if (after.extensions.length > before.extensions.length) {
      causes.push({ kind: 'extended', durations: after.extensions.slice(before.extensions.length) });
    }
  }
  const changed = from !== to || before?.planned !== after.planned;
  if (before && changed && causes.length === 0) causes.push({ kind: 'calendar-or-settings' });
  return { from, to, changed, causes };
}
