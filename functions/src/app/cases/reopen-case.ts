import { archiveAfterReopen, caseAbilities, caseNotClosed, reopenCase as reopen } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { Logger } from '../../ports/logger';
import { forbidden } from '../errors';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/**
 * Reopens a closed case with a reason (coordinators and administrators): outcome, closing date and the
 * outcome-derived archive fields are cleared; closing again derives them anew. 409 when not closed.
 */
export function reopenCase(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; reason: string },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, { ...request, allowedWhenClosed: true }, log, (state, stamp) => {
    if (state.status !== 'closed') throw caseNotClosed(state.id);
    if (!caseAbilities(principal, state).reopen) {
      throw forbidden('case.reopen-not-allowed', 'Only a coordinator or an administrator reopens a case');
    }
    return reopen(state, request.reason, archiveAfterReopen(state.archive), stamp);
  });
}
