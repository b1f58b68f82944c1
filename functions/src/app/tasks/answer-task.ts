import {
  acceptTask as accept,
  amsterdamToday,
  cancelTask as cancel,
  declineTask as decline,
  followedBy,
  reassignTask as reassign,
  resumeCase,
} from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import type { UserDirectory } from '../../ports/user-directory';
import { caseTypeOf } from '../cases/case-type-of';
import type { ChangeCaseDeps } from '../cases/change-case';
import { changeTask, type ChangedTask, type TaskChangeRequest } from './change-task';
import { taskRulesViolated } from './task-errors';

/** A delegation's assignee takes the work on (then completes it). */
export function acceptTask(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: TaskChangeRequest,
  log: Logger,
): Promise<ChangedTask> {
  return changeTask(deps, principal, request, log, 'accept', (state, task, stamp) => accept(state, task.id, stamp));
}

/** A delegation or consultation refused by its assignee, with a reason. */
export function declineTask(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: TaskChangeRequest & { reason: string | null },
  log: Logger,
): Promise<ChangedTask> {
  return changeTask(deps, principal, request, log, 'decline', (state, task, stamp) =>
    decline(state, task.id, request.reason, { id: principal.oid, name: principal.name }, stamp),
  );
}

/**
 * Withdraws an open task. A suspending information request that is withdrawn ends the suspension today
 * (nothing is awaited from the applicant any more).
 */
export function cancelTask(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: TaskChangeRequest & { reason: string | null },
  log: Logger,
): Promise<ChangedTask> {
  return changeTask(deps, principal, request, log, 'cancel', async (state, task, stamp) => {
    const cancelled = cancel(state, task.id, request.reason, stamp);
    if (!task.suspendsCase || state.status !== 'suspended') return cancelled;
    const caseType = await caseTypeOf(deps, state);
    return followedBy(cancelled, (next) => resumeCase(next, { on: amsterdamToday(new Date(stamp.occurredAt)) }, caseType, stamp));
  });
}

/** Gives an open task to another person of the tenant. */
export function reassignTask(
  deps: ChangeCaseDeps & { userDirectory: UserDirectory },
  principal: UserPrincipal,
  request: TaskChangeRequest & { assigneeId: string },
  log: Logger,
): Promise<ChangedTask> {
  return changeTask(deps, principal, request, log, 'reassign', async (state, task, stamp) => {
    const user = await deps.userDirectory.findUser(request.assigneeId);
    if (!user) {
      throw taskRulesViolated([
        { path: 'body.assigneeId', code: 'task.assignee-unknown', message: `There is no user ${request.assigneeId}` },
      ]);
    }
    return reassign(state, task.id, { id: user.id, name: user.displayName }, stamp);
  });
}
