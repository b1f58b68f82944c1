import type { CaseTaskKind, CaseTaskStatus } from '../domain/cases';

/** One open task of a person across cases (the task-queue rows of the WorkQueue read model). */
export interface TaskQueueEntry {
  taskId: string;
  kind: CaseTaskKind;
  title: string;
  status: CaseTaskStatus;
  dueOn: string | null;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  caseTypeName: string;
}

export type TaskQueuePage = { entries: TaskQueueEntry[]; nextCursor: string | null };

export interface TaskQueueReader {
  /** The open tasks assigned to a user, earliest due date first (tasks without one last). */
  listAssignedTo(assigneeId: string, page: { limit: number; cursor?: string }): Promise<TaskQueuePage>;
  /** The open tasks that name only this Entra group (no person yet). */
  listForGroup(groupId: string, page: { limit: number; cursor?: string }): Promise<TaskQueuePage>;
}
