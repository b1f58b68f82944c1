import { DomainError } from '../errors';

/** A text that is not a real calendar date in the form YYYY-MM-DD. */
export class InvalidLocalDate extends DomainError {
  constructor(readonly input: string) {
    super('rule-violation', 'date.invalid', `"${input}" is not a calendar date of the form YYYY-MM-DD.`);
    this.name = 'InvalidLocalDate';
  }
}

/** A text that is not an ISO 8601 calendar duration made of years, months, weeks and days (e.g. P8W, P1Y6M). */
export class InvalidDuration extends DomainError {
  constructor(readonly input: string) {
    super('rule-violation', 'duration.invalid', `"${input}" is not a duration such as P8W, P6M, P5Y or P1Y6M.`);
    this.name = 'InvalidDuration';
  }
}

/** A year outside the range the holiday calendar or the Easter computation is defined for. */
export class UnsupportedCalendarYear extends DomainError {
  constructor(
    readonly year: number,
    readonly supported: { readonly from: number; readonly to: number },
  ) {
    super('rule-violation', 'calendar.year-unsupported', `The year ${year} is outside ${supported.from}–${supported.to}.`);
    this.name = 'UnsupportedCalendarYear';
  }
}
