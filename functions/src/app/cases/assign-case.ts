import { assignCase as assign } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { Logger } from '../../ports/logger';
import type { UserDirectory } from '../../ports/user-directory';
import { assigneeUnknown } from './case-errors';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/** Assigns (or reassigns) the case to a user of the tenant, named as the directory knows them. */
export function assignCase(
  deps: ChangeCaseDeps & { userDirectory: UserDirectory },
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; assigneeId: string },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) => {
    if (state.assignee?.id === request.assigneeId) return null;
    const user = await deps.userDirectory.findUser(request.assigneeId);
    if (!user) throw assigneeUnknown(request.assigneeId);
    return assign(state, { id: user.id, name: user.displayName }, stamp);
  });
}
