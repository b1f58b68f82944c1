import { addCalendarDuration, parseLocalDate } from '../../domain/calendar';
import {
  amsterdamToday,
  createTask as create,
  followedBy,
  publishedRules,
  suspendCase,
  type CaseState,
  type CaseTask,
  type CaseTaskKind,
} from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import type { UserDirectory } from '../../ports/user-directory';
import { caseTypeOf } from '../cases/case-type-of';
import { changeCase, type ChangeCaseDeps } from '../cases/change-case';
import type { ChangedTask } from './change-task';
import { taskRulesViolated } from './task-errors';

export interface CreateTaskRequest {
  caseId: string;
  ifMatch: string | undefined;
  /** Who may make tasks is the access policy's `task.create` (app/access/authorize.ts caseGuard). */
  authorize?: (state: CaseState) => void;
  kind: CaseTaskKind;
  title: string;
  description?: string | null;
  /** Entra object id of the person who must act; may hold no Zaakwerk role (a consulted colleague). */
  assigneeId?: string;
  assigneeGroup?: string;
  dueOn?: string;
  remindOn?: string;
  /** Approvals: the business rule (key) that requires it. */
  requiredBy?: string;
  /** Information requests: suspend the case (Awb 4:15) for `term`, when the case type allows it. */
  suspendCase?: boolean;
  term?: string;
}

type Problem = { path: string; code: string; message: string };

/**
 * Makes a task in a case (issue 4 item 3). An approval `requiredBy` a rule carries the rule's role, so
 * only holders of it can answer. An information request with `suspendCase` suspends the case in the
 * same change (deadline transitions; 409 when the type does not allow it); answering it resumes.
 */
export function createTask(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'>; userDirectory: UserDirectory },
  principal: UserPrincipal,
  request: CreateTaskRequest,
  log: Logger,
): Promise<ChangedTask> {
  let made: CaseTask | undefined;
  return changeCase(deps, principal, request, log, async (state, stamp) => {
    const caseType = await caseTypeOf(deps, state);
    const problems: Problem[] = [];
    let requiredRole: string | null = null;
    if (request.requiredBy !== undefined) {
      const rule = publishedRules(caseType).rules.find((candidate) => candidate.key === request.requiredBy);
      if (request.kind !== 'approval') {
        problems.push({
          path: 'body.requiredBy',
          code: 'task.required-by-not-approval',
          message: 'Only an approval is required by a rule',
        });
      } else if (!rule || !('requireApproval' in rule.then)) {
        problems.push({
          path: 'body.requiredBy',
          code: 'task.required-by-unknown',
          message: `${caseType.key} has no approval rule ${request.requiredBy}`,
        });
      } else requiredRole = rule.then.requireApproval;
    }
    if (request.suspendCase && request.kind !== 'informationRequest') {
      problems.push({
        path: 'body.suspendCase',
        code: 'task.suspend-not-information-request',
        message: 'Only an information request suspends the case',
      });
    }
    if (request.suspendCase && request.term === undefined) {
      problems.push({
        path: 'body.term',
        code: 'task.term-required',
        message: 'A suspending request needs the term given to the applicant',
      });
    }
    const today = amsterdamToday(new Date(stamp.occurredAt));
    const dueOn = request.dueOn ?? (request.suspendCase && request.term ? addCalendarDuration(today, request.term) : null);
    if (request.remindOn !== undefined && dueOn !== null && request.remindOn > dueOn) {
      problems.push({ path: 'body.remindOn', code: 'task.remind-after-due', message: `Must not be after the due date ${dueOn}` });
    }
    let assignee = null;
    if (request.assigneeId !== undefined) {
      const user = await deps.userDirectory.findUser(request.assigneeId);
      if (!user)
        problems.push({
          path: 'body.assigneeId',
          code: 'task.assignee-unknown',
          message: `There is no user ${request.assigneeId}`,
        });
      else assignee = { id: user.id, name: user.displayName };
    }
    if (problems.length > 0) throw taskRulesViolated(problems);

    const created = create(
      state,
      {
        kind: request.kind,
        title: request.title,
        description: request.description ?? null,
        assignee,
        assigneeGroup: request.assigneeGroup ?? null,
        dueOn,
        remindOn: request.remindOn ?? null,
        requiredBy: request.requiredBy ?? null,
        requiredRole,
        suspendsCase: request.suspendCase ?? false,
      },
      stamp,
    );
    made = created.task;
    if (!request.suspendCase || !request.term) return created;
    const term = request.term;
    return followedBy(created, (next) =>
      suspendCase(next, { on: parseLocalDate(today), reason: request.title, term }, caseType, stamp),
    );
  }).then((changed) => ({ ...changed, task: changed.state.tasks.find((task) => task.id === made?.id) as CaseTask }));
}
