/**
 * The points DUTCH-RULES §1 leaves to interpretation, as settings (per case type or organisation) with
 * the defaults of the doc. docs/decisions/0008-deadline-engine.md gives the reasons.
 */
export interface DeadlineSettings {
  /**
   * Awb 4:15: the clock stops from the day after the request "up to, not including" the day the
   * information arrives (default false). True also suspends the day it arrives (one day more).
   */
  readonly supplementDaySuspended: boolean;
  /**
   * Whether an extension is added to the raw end (default: raw end = term + suspended days +
   * extensions, then one Atw shift) or to the end as already shifted by the Atw.
   */
  readonly extensionCountsFrom: 'raw-end' | 'shifted-end';
  /**
   * Whether the Algemene termijnenwet art. 1 shift applies to this term at all (default true). A case
   * type whose own law excludes the Atw, or an organisation whose lawyers read Atw art. 4 as excluding
   * its long terms, switches it off.
   */
  readonly applyAtwShift: boolean;
}

export const defaultDeadlineSettings: DeadlineSettings = {
  supplementDaySuspended: false,
  extensionCountsFrom: 'raw-end',
  applyAtwShift: true,
};
