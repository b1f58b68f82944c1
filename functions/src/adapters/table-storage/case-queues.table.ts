import type { Confidentiality } from '../../domain/confidentiality';
import { odata, RestError, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';
import { CaseStatusSchema, ConfidentialitySchema } from '../../contract/case-summary';
import { queueFlags } from '../../domain/signals';
import type { CaseQueueReader, QueueFilter, QueueRow } from '../../ports/case-queues';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Row = z.object({
  rowKey: z.string(),
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
  assigneeId: z.string().optional(),
  assigneeName: z.string().optional(),
  confidentiality: ConfidentialitySchema,
  atRiskFrom: localDate.optional(),
});

function toQueueRow(entity: Record<string, unknown>): { rowKey: string; row: QueueRow } {
  const r = Row.parse(entity);
  return {
    rowKey: r.rowKey,
    row: {
      caseId: r.caseId,
      number: r.number,
      title: r.title,
      caseTypeKey: r.caseTypeKey,
      caseTypeName: r.caseTypeName,
      status: r.status,
      phaseKey: r.phaseKey ?? null,
      phaseName: r.phaseName ?? null,
      finalDeadline: r.finalDeadline ?? null,
      receivedOn: r.receivedOn,
      assigneeId: r.assigneeId ?? null,
      assigneeName: r.assigneeName ?? null,
      confidentiality: r.confidentiality,
      atRiskFrom: r.atRiskFrom ?? null,
    },
  };
}

/** The query of one partition with every filter in it; row keys `<final>|<caseId>` compare with dates directly. */
function filterFor(partition: string, filter: QueueFilter, after: string | null): string {
  const parts = [odata`PartitionKey eq ${partition}`];
  if (after !== null) parts.push(odata`RowKey gt ${after}`);
  if (filter.status) parts.push(odata`status eq ${filter.status}`);
  if (filter.caseType) parts.push(odata`caseTypeKey eq ${filter.caseType}`);
  if (filter.phase) parts.push(odata`phaseKey eq ${filter.phase}`);
  if (filter.assignee) parts.push(odata`assigneeId eq ${filter.assignee}`);
  if (filter.overdue === true) parts.push(odata`RowKey lt ${filter.today}`);
  if (filter.overdue === false || filter.atRisk) parts.push(odata`RowKey ge ${filter.today}`);
  if (filter.atRisk) parts.push(odata`atRiskFrom le ${filter.today}`);
  return parts.join(' and ');
}

async function* query(table: TableClient, filter: string, select?: string[]): AsyncGenerator<Record<string, unknown>> {
  try {
    const options = { queryOptions: { filter, ...(select ? { select } : {}) } };
    for await (const row of table.listEntities<Record<string, unknown>>(options)) yield row;
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return;
    throw error;
  }
}

const Cursor = z.object({ after: z.string().min(1).max(300) });
const encodeCursor = (after: string): string => Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).after;
  } catch {
    throw invalidInput([{ path: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor from this list' }]);
  }
}

/**
 * Work queues from the WorkQueue table. One partition is one range query per page; several (a user's
 * teams, every case type) are one query each, merged by row key (deadline, then case id). The cursor is
 * the last row key served, so it works for any set of partitions and never reads someone else's.
 */
export function createCaseQueueReader(table: TableClient): CaseQueueReader {
  return {
    async list(partitions, filter, { limit, cursor }) {
      const after = cursor === undefined ? null : decodeCursor(cursor);
      const byKey = new Map<string, QueueRow>();
      let more = false;
      for (const partition of partitions) {
        let taken = 0;
        for await (const entity of query(table, filterFor(partition, filter, after))) {
          if (taken === limit) {
            more = true;
            break;
          }
          const { rowKey, row } = toQueueRow(entity);
          byKey.set(rowKey, row);
          taken++;
        }
      }
      const keys = [...byKey.keys()].sort();
      const page = keys.slice(0, limit);
      more ||= keys.length > limit;
      const last = page.at(-1);
      return {
        rows: page.map((key) => byKey.get(key) as QueueRow),
        nextCursor: more && last ? encodeCursor(last) : null,
      };
    },

    async count(partitions, today, visible = () => true) {
      const seen = new Map<string, { final: string | null; atRiskFrom: string | null }>();
      const columns = ['RowKey', 'finalDeadline', 'atRiskFrom', 'caseTypeKey', 'confidentiality', 'assigneeId'];
      for (const partition of partitions) {
        for await (const entity of query(table, odata`PartitionKey eq ${partition}`, columns)) {
          const row = {
            caseTypeKey: String(entity.caseTypeKey ?? ''),
            confidentiality: entity.confidentiality as Confidentiality,
            assigneeId: typeof entity.assigneeId === 'string' ? entity.assigneeId : null,
          };
          if (!visible(row)) continue;
          const final = typeof entity.finalDeadline === 'string' ? entity.finalDeadline : null;
          const atRiskFrom = typeof entity.atRiskFrom === 'string' ? entity.atRiskFrom : null;
          seen.set(String(entity.rowKey), { final, atRiskFrom });
        }
      }
      const counts = { total: 0, atRisk: 0, overdue: 0 };
      for (const { final, atRiskFrom } of seen.values()) {
        const flags = queueFlags(final, atRiskFrom, today);
        counts.total++;
        if (flags.atRisk) counts.atRisk++;
        if (flags.overdue) counts.overdue++;
      }
      return counts;
    },
  };
}
