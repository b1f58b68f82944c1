import { addDays, daysBetween, type LocalDate } from '../calendar/local-date';

/**
 * Awb 4:17 penalty for a late decision. The amounts are statutory (since 2016: €23, €35, €45 a day) but
 * have changed before, so they are settings too; amounts are integer cents.
 */
export interface DwangsomSettings {
  /**
   * Day 1 is the reference date (the final deadline, or the day the notice of default arrived if later)
   * plus this many days. Default 1: the first day after the deadline. Awb 4:17 lid 3 read strictly
   * (two weeks after the notice of default) is 14 with `noticeOfDefaultOn`.
   */
  readonly startOffsetDays: number;
  /** Daily amounts from a given day on, ascending by `fromDay`. */
  readonly rates: readonly { readonly fromDay: number; readonly centsPerDay: number }[];
  readonly maxDays: number;
}

export const defaultDwangsomSettings: DwangsomSettings = {
  startOffsetDays: 1,
  rates: [
    { fromDay: 1, centsPerDay: 2300 },
    { fromDay: 15, centsPerDay: 3500 },
    { fromDay: 29, centsPerDay: 4500 },
  ],
  maxDays: 42,
};

export interface Dwangsom {
  /** Penalty days accrued up to and including `asOf`, at most `maxDays`. */
  readonly days: number;
  readonly amountCents: number;
  /** True once the maximum number of days is reached: nothing more accrues. */
  readonly capped: boolean;
  readonly firstDay: LocalDate;
  /** The day the maximum is reached; calendar days, the Atw does not move it. */
  readonly lastDay: LocalDate;
}

function rateOn(day: number, settings: DwangsomSettings): number {
  return settings.rates.reduce((rate, band) => (day >= band.fromDay ? band.centsPerDay : rate), 0);
}

/**
 * The penalty accrued by `asOf` for a decision not given by `final`. The 42 days are calendar days
 * without an Atw shift (DUTCH-RULES §1). Whether the case type has a dwangsom at all is the caller's
 * question; a decision given ends the accrual, so pass the decision date as `asOf` then.
 */
export function dwangsom(
  final: LocalDate,
  asOf: LocalDate,
  settings: DwangsomSettings = defaultDwangsomSettings,
  options: { readonly noticeOfDefaultOn?: LocalDate | null } = {},
): Dwangsom {
  const notice = options.noticeOfDefaultOn;
  const reference = notice && notice > final ? notice : final;
  const firstDay = addDays(reference, settings.startOffsetDays);
  const elapsed = daysBetween(firstDay, asOf) + 1;
  const days = Math.min(Math.max(elapsed, 0), settings.maxDays);
  let amountCents = 0;
  for (let day = 1; day <= days; day += 1) amountCents += rateOn(day, settings);
  return { days, amountCents, capped: elapsed >= settings.maxDays, firstDay, lastDay: addDays(firstDay, settings.maxDays - 1) };
}
