import { DomainError } from '../errors';

/** An outcome with trigger `field` must name the case field that holds the date. */
export class ArchiveFieldNotConfigured extends DomainError {
  constructor() {
    super('rule-violation', 'retention.field-not-configured', 'The archive trigger "field" needs the name of a date field.');
    this.name = 'ArchiveFieldNotConfigured';
  }
}
