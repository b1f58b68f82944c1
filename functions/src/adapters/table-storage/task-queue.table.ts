import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { taskQueueKey } from '../../app/projections/task-queue-rows';
import { caseTaskKinds, caseTaskStatuses } from '../../domain/cases/case-state';
import type { TaskQueueEntry, TaskQueueReader } from '../../ports/task-queue';
import { decodeCursor, encodeCursor, isTableNotFound } from './work-queue.table';

const Row = z.object({
  taskId: z.string(),
  taskKind: z.enum(caseTaskKinds),
  taskTitle: z.string(),
  taskStatus: z.enum(caseTaskStatuses),
  taskDueOn: z.string().optional(),
  caseId: z.string(),
  number: z.string(),
  title: z.string(),
  caseTypeName: z.string(),
});

const toEntry = (row: Record<string, unknown>): TaskQueueEntry => {
  const r = Row.parse(row);
  return {
    taskId: r.taskId,
    kind: r.taskKind,
    title: r.taskTitle,
    status: r.taskStatus,
    dueOn: r.taskDueOn ?? null,
    caseId: r.caseId,
    caseNumber: r.number,
    caseTitle: r.title,
    caseTypeName: r.caseTypeName,
  };
};

/** A person's open tasks from the WorkQueue table's `task:<oid>` partition: one Table query per page. */
export function createTaskQueueReader(table: TableClient): TaskQueueReader {
  return {
    async listAssignedTo(assigneeId, { limit, cursor }) {
      const partitionKey = taskQueueKey(assigneeId);
      const continuationToken = cursor === undefined ? undefined : decodeCursor(cursor);
      const pages = table
        .listEntities<Record<string, unknown>>({
          queryOptions: { filter: `PartitionKey eq '${partitionKey.replace(/'/g, "''")}'` },
        })
        .byPage({ maxPageSize: limit, ...(continuationToken ? { continuationToken } : {}) });
      let page;
      try {
        page = (await pages.next()).value;
      } catch (error) {
        if (isTableNotFound(error)) return { entries: [], nextCursor: null };
        throw error;
      }
      return {
        entries: (page ?? []).map(toEntry),
        nextCursor: page?.continuationToken ? encodeCursor(page.continuationToken) : null,
      };
    },
  };
}
