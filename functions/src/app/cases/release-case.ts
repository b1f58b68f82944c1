import { releaseCase as release } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { Logger } from '../../ports/logger';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/** The case goes back to the pool (an unassigned case stays as it is). */
export function releaseCase(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, (state, stamp) => (state.assignee ? release(state, stamp) : null));
}
