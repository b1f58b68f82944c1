import { RestError, TableClient, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';
import { CaseStatusSchema, ConfidentialitySchema } from '../../contract/case-summary';
import type { WorkQueueEntry, WorkQueueReader } from '../../ports/work-queue';

/**
 * The work-queue read model in Table Storage: one partition per assignee (`assignee:<oid>`), rows keyed
 * `<finalDeadline>|<caseId>` so a partition reads in deadline order without sorting. Written by the
 * projector (issue 4) and the demo seed through `upsertWorkQueueEntry`; read by GET /api/v1/cases.
 */
export const workQueueTableName = 'WorkQueue';
/** Sorts after every real date, so cases without a deadline come last. */
const noDeadline = '9999-12-31';

export const workQueuePartitionKey = (assigneeId: string): string => `assignee:${assigneeId}`;
export const workQueueRowKey = (entry: Pick<WorkQueueEntry, 'finalDeadline' | 'caseId'>): string =>
  `${entry.finalDeadline ?? noDeadline}|${entry.caseId}`;

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Row = z.object({
  caseId: z.string(),
  number: z.string(),
  title: z.string(),
  caseTypeKey: z.string(),
  caseTypeName: z.string(),
  status: CaseStatusSchema,
  phaseKey: z.string().optional(),
  phaseName: z.string().optional(),
  finalDeadline: localDate.optional(),
  receivedOn: localDate,
  assigneeId: z.string(),
  assigneeName: z.string(),
  confidentiality: ConfidentialitySchema,
  atRiskFrom: localDate.optional(),
});

/** Writes (or overwrites) one entry; creates the table on first use. Idempotent, so the seed can rerun. */
export async function upsertWorkQueueEntry(table: TableClient, entry: WorkQueueEntry): Promise<void> {
  const row: TableEntity = { partitionKey: workQueuePartitionKey(entry.assigneeId), rowKey: workQueueRowKey(entry) };
  // Table Storage has no null: absent properties read back as null.
  for (const [key, value] of Object.entries(entry)) if (value !== null) row[key] = value;
  try {
    await table.upsertEntity(row, 'Replace');
  } catch (error) {
    if (!isTableNotFound(error)) throw error;
    await table.createTable();
    await table.upsertEntity(row, 'Replace');
  }
}

/** Removes an entry (e.g. when a case is reassigned or its deadline moves). Absent is fine. */
export async function deleteWorkQueueEntry(
  table: TableClient,
  entry: Pick<WorkQueueEntry, 'assigneeId' | 'finalDeadline' | 'caseId'>,
): Promise<void> {
  try {
    await table.deleteEntity(workQueuePartitionKey(entry.assigneeId), workQueueRowKey(entry));
  } catch (error) {
    if (!(error instanceof RestError && error.statusCode === 404)) throw error;
  }
}

export function createWorkQueueReader(table: TableClient): WorkQueueReader {
  return {
    async listAssignedTo(assigneeId, { limit, cursor }) {
      const partitionKey = workQueuePartitionKey(assigneeId);
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
      const entries = (page ?? []).map(toEntry);
      return { entries, nextCursor: page?.continuationToken ? encodeCursor(page.continuationToken) : null };
    },
  };
}

function toEntry(row: Record<string, unknown>): WorkQueueEntry {
  const r = Row.parse(row);
  return {
    ...r,
    phaseKey: r.phaseKey ?? null,
    phaseName: r.phaseName ?? null,
    finalDeadline: r.finalDeadline ?? null,
  };
}

const SdkToken = z.object({ nextPartitionKey: z.string(), nextRowKey: z.string().optional() });

/**
 * Our cursor: base64url of the SDK's continuation token, checked for shape on the way back in. The
 * next keys are opaque (the service may encode them), so a cursor is not tied to a partition here;
 * the query's PartitionKey filter keeps a foreign cursor from reading another person's queue.
 */
export const encodeCursor = (sdkToken: string): string => Buffer.from(sdkToken, 'base64').toString('base64url');

export function decodeCursor(cursor: string): string {
  const invalid = invalidInput([{ path: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor from this list' }]);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid;
  const json = Buffer.from(cursor, 'base64url').toString('utf8');
  try {
    SdkToken.parse(JSON.parse(json));
  } catch {
    throw invalid;
  }
  return Buffer.from(json, 'utf8').toString('base64');
}

export const isTableNotFound = (error: unknown): boolean =>
  error instanceof RestError &&
  error.statusCode === 404 &&
  (error.code === 'TableNotFound' || error.code === 'ResourceNotFound' || !error.code);
