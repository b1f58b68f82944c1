import { RestError } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';

/** The columns GET /cases selects from a queue partition (for the bench's raw query of the same shape). */
export { listColumns as workQueueListColumns } from './case-queues.table';

/**
 * The work-queue read model's table and the cursor helpers its readers share. Rows: one partition per
 * queue (`assignee:<oid>`, `caseType:<key>`, …) keyed `<finalDeadline>|<caseId>`, written by the projector
 * (work-queue-projection.table.ts) and read by case-queues.table.ts (GET /api/v1/cases) — ADR 0013, 0020.
 */
export const workQueueTableName = 'WorkQueue';

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
