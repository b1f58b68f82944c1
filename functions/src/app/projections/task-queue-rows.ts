import type { CaseState } from '../../domain/cases';
import type { WorkQueueRow, WorkQueueRowColumns } from './work-queue-rows';

/** The partition of a person's open tasks across cases (GET /api/v1/tasks?mine), in the WorkQueue table. */
export const taskQueueKey = (assigneeId: string): string => `task:${assigneeId}`;
/** The partition of the open tasks that name only an Entra group (any member may take them). */
export const groupTaskQueueKey = (groupId: string): string => `taskGroup:${groupId}`;
/** Due date first, so a partition reads earliest-due first; tasks without one come last. */
export const taskQueueRowKeyFor = (dueOn: string | null, taskId: string): string => `${dueOn ?? '9999-12-31'}|${taskId}`;

/**
 * The task rows a case should have (pure): one per open or accepted task assigned to a person, in that
 * person's task queue, carrying the case's columns and the task's. A closed case has none. They ride on
 * the work-queue projection (same index, replay-safety and rebuild). A task that names only a group is
 * in that group's task partition instead.
 */
export function expectedTaskQueueRows(state: CaseState, caseColumns: WorkQueueRowColumns): WorkQueueRow[] {
  if (state.status === 'closed') return [];
  return state.tasks
    .filter(
      (task) => (task.status === 'open' || task.status === 'accepted') && (task.assignee !== null || task.assigneeGroup !== null),
    )
    .map((task) => ({
      partitionKey: task.assignee ? taskQueueKey(task.assignee.id) : groupTaskQueueKey(task.assigneeGroup ?? ''),
      rowKey: taskQueueRowKeyFor(task.dueOn, task.id),
      columns: {
        ...caseColumns,
        taskId: task.id,
        taskKind: task.kind,
        taskTitle: task.title,
        taskStatus: task.status,
        taskDueOn: task.dueOn,
      },
    }));
}
