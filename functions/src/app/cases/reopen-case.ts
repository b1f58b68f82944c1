import { archiveAfterReopen, caseNotClosed, reopenCase as reopen, type CaseState } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { Logger } from '../../ports/logger';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/**
 * Reopens a closed case with a reason (coordinators and administrators): outcome, closing date and the
 * outcome-derived archive fields are cleared; closing again derives them anew. 409 when not closed.
 */
export function reopenCase(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; reason: string; authorize?: (state: CaseState) => void },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, { ...request, allowedWhenClosed: true }, log, (state, stamp) => {
    if (state.status !== 'closed') throw caseNotClosed(state.id);
    return reopen(state, request.reason, archiveAfterReopen(state.archive), stamp);
  });
}
