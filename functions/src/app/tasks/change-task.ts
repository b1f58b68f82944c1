import {
  caseIdOfTask,
  findTask,
  taskAbilities,
  type CaseState,
  type CaseTask,
  type ChangeStamp,
  type TaskAbilities,
  type Transition,
} from '../../domain/cases';
import { DomainError } from '../../domain/errors';
import type { UserPrincipal } from '../../domain/principal';
import type { Logger } from '../../ports/logger';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from '../cases/change-case';
import { taskActionNotAllowed, taskNotFoundError } from './task-errors';

export interface TaskChangeRequest {
  taskId: string;
  /** The If-Match of the task's case (tasks live in the case row: the case's ETag guards them). */
  ifMatch: string | undefined;
  /** The caller's rights on the loaded case (app/access/authorize.ts): 404 when they cannot see it. */
  authorize?: (state: CaseState) => void;
}

/** The case after the change, its new ETag and the task as it is now. */
export interface ChangedTask extends ChangedCase {
  task: CaseTask;
}

/**
 * A change to one task, through changeCase on the task's case (`<caseId>.<n>`): If-Match of the case,
 * closed cases read-only, one transaction. `action` names the ability (taskAbilities) the user needs;
 * without it the answer is 403. An unknown task, or a task of an unknown case, is 404 `task.not-found`.
 */
export async function changeTask(
  deps: ChangeCaseDeps,
  principal: UserPrincipal,
  request: TaskChangeRequest,
  log: Logger,
  action: keyof TaskAbilities,
  apply: (state: CaseState, task: CaseTask, stamp: ChangeStamp) => Transition | null | Promise<Transition | null>,
): Promise<ChangedTask> {
  const caseId = caseIdOfTask(request.taskId);
  if (!caseId) throw taskNotFoundError(request.taskId);
  try {
    const changed = await changeCase(
      deps,
      principal,
      { caseId, ifMatch: request.ifMatch, ...(request.authorize ? { authorize: request.authorize } : {}) },
      log,
      async (state, stamp) => {
        const task = findTask(state, request.taskId);
        if (!taskAbilities(principal, state, task)[action]) throw taskActionNotAllowed(task.id, action);
        return apply(state, task, stamp);
      },
    );
    return { ...changed, task: findTask(changed.state, request.taskId) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'case.not-found') throw taskNotFoundError(request.taskId);
    throw error;
  }
}
