import { DomainError } from '../errors';

/** A suspension cannot start before the application was received. */
export class SuspensionBeforeReceipt extends DomainError {
  constructor(
    readonly from: string,
    readonly receivedOn: string,
  ) {
    super(
      'rule-violation',
      'deadline.suspension-before-receipt',
      `A suspension from ${from} starts before receipt on ${receivedOn}.`,
    );
    this.name = 'SuspensionBeforeReceipt';
  }
}

/** The information cannot arrive before it was asked for. */
export class SuspensionEndsBeforeStart extends DomainError {
  constructor(
    readonly from: string,
    readonly until: string,
  ) {
    super('rule-violation', 'deadline.suspension-ends-before-start', `A suspension from ${from} cannot end on ${until}.`);
    this.name = 'SuspensionEndsBeforeStart';
  }
}

/** Two suspensions cover the same day (or one starts while another is still open); days would count twice. */
export class SuspensionsOverlap extends DomainError {
  constructor(
    readonly first: string,
    readonly second: string,
  ) {
    super('rule-violation', 'deadline.suspensions-overlap', `The suspensions from ${first} and from ${second} overlap.`);
    this.name = 'SuspensionsOverlap';
  }
}

/** Awb 4:14 / 7:10: the extensions together exceed the maximum the case type allows. */
export class ExtensionExceedsMaximum extends DomainError {
  constructor(
    readonly extensions: readonly string[],
    readonly maximum: string,
  ) {
    super(
      'rule-violation',
      'deadline.extension-exceeds-maximum',
      `Extensions ${extensions.join(' + ')} exceed the maximum extension of ${maximum}.`,
    );
    this.name = 'ExtensionExceedsMaximum';
  }
}
