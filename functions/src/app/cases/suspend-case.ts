import type { LocalDate } from '../../domain/calendar';
import { suspendCase as suspend } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/**
 * Suspends the case (Awb 4:15) from the day of the request, with the term given to the applicant; the
 * final date is unknown until it resumes. 409 when the type does not allow suspension or it is already
 * suspended; 422 for a date before receipt.
 */
export function suspendCase(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; on: LocalDate; reason: string; term: string },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) =>
    suspend(state, { on: request.on, reason: request.reason, term: request.term }, await caseTypeOf(deps, state), stamp),
  );
}
