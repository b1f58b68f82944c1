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

/**
 * Case number → case id, for `GET /cases/{number}`. The case partition stays the truth: an entry is
 * claimed before the case is committed (so a case never exists without one) and a reader checks the
 * case it points to carries that number; an entry whose commit failed points to nothing and reads as
 * absent (decision 0014).
 */
export interface CaseNumberIndex {
  /** Records `number` → `caseId`; fails (DuplicateCaseNumber) when the number already belongs to another id. */
  claim(number: string, caseId: string): Promise<void>;
  /** Best effort after a failed commit: removes the entry if it still points to `caseId`. */
  release(number: string, caseId: string): Promise<void>;
  /** The id the number was claimed for, or null. */
  lookup(number: string): Promise<string | null>;
}

/** A number was handed out twice: the counter row was reset or edited. The registration writes nothing. */
export class DuplicateCaseNumber extends Error {
  readonly code = 'case-number.duplicate';
  constructor(readonly number: string) {
    super(`case number ${number} is already in use`);
    this.name = 'DuplicateCaseNumber';
  }
}

/** `ZAAK-2026-000042`: a prefix of A-Z0-9, the year, at least six digits. */
export const caseNumberPattern = /^[A-Z][A-Z0-9]{0,15}-\d{4}-\d{6,9}$/;
