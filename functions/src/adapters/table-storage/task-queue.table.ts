import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { groupTaskQueueKey, taskQueueKey } from '../../app/projections/task-queue-rows';
import { caseTaskKinds, caseTaskStatuses } from '../../domain/cases/case-state';
import type { TaskQueueEntry, TaskQueuePage, TaskQueueReader } from '../../ports/task-queue';
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

/** Open tasks from the WorkQueue table's `task:<oid>` / `taskGroup:<id>` partitions: one Table query per page. */
export function createTaskQueueReader(table: TableClient): TaskQueueReader {
  const list = async (partitionKey: string, { limit, cursor }: { limit: number; cursor?: string }): Promise<TaskQueuePage> => {
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
  };
  return {
    listAssignedTo: (assigneeId, page) => list(taskQueueKey(assigneeId), page),
    listForGroup: (groupId, page) => list(groupTaskQueueKey(groupId), page),
  };
}
