import type { LocalDate } from '../calendar/local-date';
import type { NonWorkingDay } from '../calendar/working-days';
import type { DeadlineSettings } from './deadline-settings';

/**
 * A request to the applicant to supplement the application (Awb 4:15). `from` is the day of the request,
 * `until` the day the information arrived (null while waiting), `term` the term given to the applicant
 * (ISO duration). Case law: a request without a term of its own does not suspend.
 */
export interface Suspension {
  readonly from: LocalDate;
  readonly until: LocalDate | null;
  readonly term?: string | null;
}

/** An extension (verdaging, Awb 4:14 / 7:10) of a fixed period, e.g. P6W. */
export interface Extension {
  readonly duration: string;
}

/** Everything the deadline depends on; store it with the case so each date can be explained and recomputed. */
export interface DeadlineInput {
  readonly receivedOn: LocalDate;
  /** The legal decision term (beslistermijn), e.g. P8W. */
  readonly legalTerm: string;
  /** The internal service norm, e.g. P4W. */
  readonly serviceNorm?: string | null;
  readonly suspensions?: readonly Suspension[];
  readonly extensions?: readonly Extension[];
  /** The case type's maximum for all extensions together; none means no check here. */
  readonly maxExtension?: string | null;
  /** The case type has lex silencio positivo (Awb §4.1.3.3): a late decision is granted by operation of law. */
  readonly lexSilencio?: boolean;
  readonly settings?: Partial<DeadlineSettings>;
}

/** A suspension that is still waiting for the applicant: the final deadline is unknown until it ends. */
export interface OpenSuspension {
  readonly from: LocalDate;
  readonly term: string;
  /** The last day of the term given to the applicant (request day + term, not shifted). */
  readonly respondBy: LocalDate;
}

/** One step of the calculation, in order, so the timeline can tell how a date came about. */
export type DeadlineStep =
  | { readonly kind: 'legal-term'; readonly from: LocalDate; readonly term: string; readonly to: LocalDate }
  | { readonly kind: 'suspension'; readonly from: LocalDate; readonly until: LocalDate; readonly days: number }
  | { readonly kind: 'suspension-open'; readonly from: LocalDate; readonly term: string; readonly respondBy: LocalDate }
  | { readonly kind: 'suspension-without-term'; readonly from: LocalDate; readonly until: LocalDate | null }
  | { readonly kind: 'suspended-days'; readonly from: LocalDate; readonly days: number; readonly to: LocalDate }
  | { readonly kind: 'extension'; readonly from: LocalDate; readonly duration: string; readonly to: LocalDate }
  | { readonly kind: 'atw-shift'; readonly from: LocalDate; readonly to: LocalDate; readonly skipped: readonly NonWorkingDay[] }
  | { readonly kind: 'final'; readonly date: LocalDate };

/** How far the Atw moved the raw end, and over which days. */
export interface DeadlineShift {
  readonly days: number;
  readonly skipped: readonly NonWorkingDay[];
}

export interface DeadlineResult {
  readonly receivedOn: LocalDate;
  readonly legalTerm: string;
  /** The last day to decide, after the one Atw shift; null while a suspension is open. */
  readonly final: LocalDate | null;
  /** receivedOn + legal term + suspended days + extensions, before the shift; null while a suspension is open. */
  readonly rawEnd: LocalDate | null;
  /** The Atw shift at the end; null while a suspension is open. */
  readonly shiftedBy: DeadlineShift | null;
  /** The service-norm date (same suspended days and shift, no extensions); null without a norm or while suspended. */
  readonly planned: LocalDate | null;
  /** Days suspended by closed suspensions. */
  readonly suspendedDays: number;
  /** The extension periods applied, in order. */
  readonly extensions: readonly string[];
  readonly openSuspension: OpenSuspension | null;
  /** True when the case type has lex silencio positivo: the final date is the one that grants by operation of law. */
  readonly lexSilencio: boolean;
  readonly settings: DeadlineSettings;
  readonly explanation: readonly DeadlineStep[];
}
