import type { CaseTaskBody } from '../../contract/case-tasks';
import { caseIdOfTask, taskAbilities, type CaseState, type CaseTask } from '../../domain/cases';
import type { TaskUser } from '../../domain/cases/task-abilities';

/** A task as the contract's CaseTask, with what this user may do with it (taskAbilities). */
export function presentTask(task: CaseTask, state: Pick<CaseState, 'status' | 'assignee'>, user: TaskUser): CaseTaskBody {
  return {
    id: task.id,
    caseId: caseIdOfTask(task.id) ?? '',
    kind: task.kind,
    title: task.title,
    description: task.description,
    templateKey: task.templateKey,
    phase: task.phase,
    assignee: task.assignee,
    assigneeGroup: task.assigneeGroup,
    requiredBy: task.requiredBy,
    requiredRole: task.requiredRole ?? null,
    dueOn: task.dueOn,
    remindOn: task.remindOn,
    status: task.status,
    decision: task.decision,
    response: task.response,
    suspendsCase: task.suspendsCase,
    createdBy: task.createdBy,
    createdAt: task.createdAt,
    answeredBy: task.answeredBy,
    answeredAt: task.answeredAt,
    abilities: taskAbilities(user, state, task),
  };
}
