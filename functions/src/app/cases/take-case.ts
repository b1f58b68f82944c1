import { takeCase as take } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { Logger } from '../../ports/logger';
import { caseAlreadyAssigned } from './case-errors';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/** The caller takes an unassigned case (taking one's own case again changes nothing). */
export function takeCase(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, (state, stamp) => {
    if (state.assignee?.id === principal.oid) return null;
    if (state.assignee) throw caseAlreadyAssigned(state.assignee.name);
    return take(state, { id: principal.oid, name: principal.name }, stamp);
  });
}
