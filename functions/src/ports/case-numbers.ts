/** Hands out human-readable case numbers `<prefix>-<year>-<000001>`, unique across instances. */
export interface CaseNumbers {
  /** `year` defaults to the current year in Europe/Amsterdam. */
  next(prefix: string, options?: { year?: number }): Promise<string>;
}

/** The counter stayed contended through every retry; the caller may retry later (503). */
export class CaseNumberContention extends Error {
  readonly code = 'case-number.contention';
  constructor(
    readonly prefix: string,
    readonly attempts: number,
  ) {
    super(`could not allocate a ${prefix} number after ${attempts} attempts`);
    this.name = 'CaseNumberContention';
  }
}
