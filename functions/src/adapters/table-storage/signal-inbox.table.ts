import { odata, RestError, type TableClient, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';
import { signalIdPattern } from '../../app/projections/signal-inbox-rows';
import type { SignalInbox, SignalInboxEntry, SignalInboxRow } from '../../ports/signals';
import { withTable } from './case-store-errors';

/**
 * The signals read model: partition `user:<oid>` / `group:<groupId>` per recipient, row key the signal id
 * (newest first); a user's read marks in partition `read:<oid>` keyed by signal id, so a group's signal
 * is read or unread per member.
 */
export const signalsTableName = 'Signals';
const readPartition = (userId: string): string => `read:${userId}`;

const Row = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  caseId: z.string(),
  sequence: z.number().int(),
  kind: z.string(),
  subject: z.string().optional(),
  basis: z.string().optional(),
  caseNumber: z.string().optional(),
  caseTitle: z.string().optional(),
  taskId: z.string().optional(),
  taskTitle: z.string().optional(),
  raisedAt: z.string(),
});

export function toSignalEntity(row: SignalInboxRow): TableEntity {
  const { recipient, signalId, ...columns } = row;
  const entity: TableEntity = { partitionKey: recipient, rowKey: signalId };
  for (const [name, value] of Object.entries(columns)) if (value !== null && value !== '') entity[name] = value;
  return entity;
}

export function fromSignalEntity(entity: Record<string, unknown>): SignalInboxRow {
  const r = Row.parse(entity);
  return {
    recipient: r.partitionKey,
    signalId: r.rowKey,
    caseId: r.caseId,
    sequence: r.sequence,
    kind: r.kind,
    subject: r.subject ?? '',
    basis: r.basis ?? '',
    caseNumber: r.caseNumber ?? '',
    caseTitle: r.caseTitle ?? '',
    taskId: r.taskId ?? null,
    taskTitle: r.taskTitle ?? null,
    raisedAt: r.raisedAt,
  };
}

const isMissing = (error: unknown): boolean => error instanceof RestError && error.statusCode === 404;

async function* query(table: TableClient, filter: string): AsyncGenerator<Record<string, unknown>> {
  try {
    for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) yield row;
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
}

const Cursor = z.object({ after: z.string().regex(signalIdPattern) });
const encodeCursor = (after: string): string => Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).after;
  } catch {
    throw invalidInput([{ path: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor from this list' }]);
  }
}

export function createSignalInbox(table: TableClient): SignalInbox {
  const readMarks = async (userId: string, from: string, to: string): Promise<Map<string, string>> => {
    const filter = odata`PartitionKey eq ${readPartition(userId)} and RowKey ge ${from} and RowKey le ${to}`;
    const marks = new Map<string, string>();
    for await (const row of query(table, filter)) {
      if (typeof row.readAt === 'string') marks.set(String(row.rowKey), row.readAt);
    }
    return marks;
  };

  return {
    async upsert(rows) {
      for (const row of rows) await withTable(table, () => table.upsertEntity(toSignalEntity(row), 'Replace'));
    },

    async list(userId, recipients, { limit, cursor }) {
      const after = cursor === undefined ? null : decodeCursor(cursor);
      // One range query per recipient partition (the user and their groups), merged by signal id.
      const byId = new Map<string, SignalInboxRow>();
      let more = false;
      for (const recipient of recipients) {
        const filter =
          after === null ? odata`PartitionKey eq ${recipient}` : odata`PartitionKey eq ${recipient} and RowKey gt ${after}`;
        let taken = 0;
        for await (const entity of query(table, filter)) {
          if (taken === limit) {
            more = true;
            break;
          }
          const row = fromSignalEntity(entity);
          if (!byId.has(row.signalId)) byId.set(row.signalId, row);
          taken++;
        }
      }
      const sorted = [...byId.values()].sort((a, b) => (a.signalId < b.signalId ? -1 : 1));
      const page = sorted.slice(0, limit);
      more ||= sorted.length > limit;
      const first = page[0];
      const last = page.at(-1);
      const marks = first && last ? await readMarks(userId, first.signalId, last.signalId) : new Map<string, string>();
      return {
        entries: page.map((row) => ({ ...row, readAt: marks.get(row.signalId) ?? null })),
        nextCursor: more && last ? encodeCursor(last.signalId) : null,
      };
    },

    async find(userId, recipients, signalId): Promise<SignalInboxEntry | null> {
      if (!signalIdPattern.test(signalId)) return null;
      for (const recipient of recipients) {
        try {
          const row = fromSignalEntity(await table.getEntity<Record<string, unknown>>(recipient, signalId));
          const marks = await readMarks(userId, signalId, signalId);
          return { ...row, readAt: marks.get(signalId) ?? null };
        } catch (error) {
          if (!isMissing(error)) throw error;
        }
      }
      return null;
    },

    async markRead(userId, signalId, at) {
      try {
        await withTable(table, () => table.createEntity({ partitionKey: readPartition(userId), rowKey: signalId, readAt: at }));
        return at;
      } catch (error) {
        if (!(error instanceof RestError && error.statusCode === 409)) throw error;
        const existing = await table.getEntity<Record<string, unknown>>(readPartition(userId), signalId);
        return typeof existing.readAt === 'string' ? existing.readAt : at;
      }
    },
  };
}

/** Every inbox row (not the read marks): a scan, for the rebuild command only. */
export async function* allSignalInboxRows(table: TableClient): AsyncGenerator<SignalInboxRow> {
  for await (const entity of query(table, odata`PartitionKey lt ${'read:'} or PartitionKey gt ${'read;'}`)) {
    yield fromSignalEntity(entity);
  }
}

/** Deletes one inbox row (the rebuild's fix for a stale row); absent is fine. */
export async function deleteSignalInboxRow(
  table: TableClient,
  row: Pick<SignalInboxRow, 'recipient' | 'signalId'>,
): Promise<void> {
  try {
    await table.deleteEntity(row.recipient, row.signalId);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}
