import type { Confidentiality } from '../../domain/confidentiality';
import { odata, RestError, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';
import { CaseStatusSchema, ConfidentialitySchema } from '../../contract/case-summary';
import { queueFlags } from '../../domain/signals';
import type { CaseQueueReader, QueueFilter, QueueRow } from '../../ports/case-queues';
import {
  deadlineFamilyEnd,
  searchPartition,
  searchRange,
  servesSearchRow,
  sortRange,
  viewPartition,
  type KeyRange,
} from '../../app/projections/work-queue-keys';

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
  updatedAt: z.string().optional(),
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
      updatedAt: r.updatedAt ?? null,
      assigneeId: r.assigneeId ?? null,
      assigneeName: r.assigneeName ?? null,
      confidentiality: r.confidentiality,
      atRiskFrom: r.atRiskFrom ?? null,
    },
  };
}

/** The columns a listing needs (not the signal or task columns): less to read and parse per row. */
export const listColumns = [
  'RowKey',
  'caseId',
  'number',
  'title',
  'caseTypeKey',
  'caseTypeName',
  'status',
  'phaseKey',
  'phaseName',
  'finalDeadline',
  'receivedOn',
  'updatedAt',
  'assigneeId',
  'assigneeName',
  'confidentiality',
  'atRiskFrom',
];

/**
 * The query of one partition for one page: its family's RowKey range (a sort, or a search term) and every
 * filter in it. In the deadline family the keys are `<final>|<caseId>` and compare with dates directly; the
 * other families filter the same facts on the `deadlineKey` column.
 */
function filterFor(partition: string, filter: QueueFilter, range: KeyRange, byDeadline: boolean, after: string | null): string {
  const parts = [odata`PartitionKey eq ${partition}`];
  if (range.from !== '') parts.push(odata`RowKey ge ${range.from}`);
  parts.push(odata`RowKey lt ${range.to}`);
  if (after !== null) parts.push(odata`RowKey gt ${after}`);
  if (filter.status) parts.push(odata`status eq ${filter.status}`);
  if (filter.caseType) parts.push(odata`caseTypeKey eq ${filter.caseType}`);
  if (filter.phase) parts.push(odata`phaseKey eq ${filter.phase}`);
  if (filter.assignee) parts.push(odata`assigneeId eq ${filter.assignee}`);
  const deadline = byDeadline ? 'RowKey' : 'deadlineKey';
  if (filter.overdue === true) parts.push(`${deadline} lt ${odataString(filter.today)}`);
  if (filter.overdue === false || filter.atRisk) parts.push(`${deadline} ge ${odataString(filter.today)}`);
  if (filter.atRisk) parts.push(odata`atRiskFrom le ${filter.today}`);
  return parts.join(' and ');
}

const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

async function* query(table: TableClient, filter: string, select?: string[]): AsyncGenerator<Record<string, unknown>> {
  try {
    const options = { queryOptions: { filter, ...(select ? { select } : {}) } };
    for await (const row of table.listEntities<Record<string, unknown>>(options)) yield row;
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return;
    throw error;
  }
}

/** ONE request: the first page of a query (at most `limit` rows) and whether the service has more. */
async function firstPage(
  table: TableClient,
  filter: string,
  limit: number,
): Promise<{ rows: Record<string, unknown>[]; more: boolean }> {
  try {
    const pages = table
      .listEntities<Record<string, unknown>>({ queryOptions: { filter, select: listColumns } })
      .byPage({ maxPageSize: limit });
    const page = (await pages.next()).value;
    return { rows: page ? [...page] : [], more: Boolean(page?.continuationToken) };
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return { rows: [], more: false };
    throw error;
  }
}

/** A cursor names its list's family (sort or search term), so one from another list is refused, not misread. */
const Cursor = z.object({ after: z.string().min(1).max(600), family: z.string().max(80).optional() });
const encodeCursor = (after: string, family: string): string =>
  Buffer.from(JSON.stringify({ after, family }), 'utf8').toString('base64url');
function decodeCursor(cursor: string, family: string): string {
  const invalid = invalidInput([{ path: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor from this list' }]);
  let parsed: z.infer<typeof Cursor>;
  try {
    parsed = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid;
  }
  // Cursors from before ADR 0020 carry no family: they were deadline cursors.
  if ((parsed.family ?? 'deadline') !== family) throw invalid;
  return parsed.after;
}

/**
 * Work queues from the WorkQueue table. Each partition is ONE range query per page (at most `limit` rows,
 * the partitions queried concurrently), merged by row key. The page holds the served rows up to the
 * smallest last key read of any partition that has more — everything up to there has been read in every
 * partition — so rows that are read but not served (not visible; not matching every search term) never
 * make a row be skipped or served twice; a page may be shorter than `limit` (even empty) while
 * `nextCursor` says there is more. The cursor is that key, valid for any set of partitions. The deadline
 * family is read from WorkQueue, the received, updated and search families from WorkQueueViews (isViewRowKey).
 */
export function createCaseQueueReader(table: TableClient, views: TableClient): CaseQueueReader {
  return {
    async list(partitions, filter, { limit, cursor }, listing = { sort: 'deadline' }) {
      const { search } = listing;
      const family = search ? `q:${search.indexTerm.exact ? '=' : '^'}${search.indexTerm.text}` : listing.sort;
      const after = cursor === undefined ? null : decodeCursor(cursor, family);
      const range = search ? searchRange(search.indexTerm) : sortRange(listing.sort);
      const byDeadline = !search && listing.sort === 'deadline';
      const source = byDeadline ? table : views;
      const partitionOf = (queue: string): string =>
        search
          ? searchPartition(queue, search.indexTerm.text)
          : listing.sort === 'deadline'
            ? queue
            : viewPartition(queue, listing.sort);
      const reads = await Promise.all(
        partitions.map((queue) => firstPage(source, filterFor(partitionOf(queue), filter, range, byDeadline, after), limit)),
      );
      // Everything up to `boundary` has been read in every partition (null: every partition read to its end).
      let boundary: string | null = null;
      for (const read of reads) {
        if (!read.more) continue;
        // A page with no rows but more to come (the service may stop early): no progress past `after` in it.
        const last = read.rows.length > 0 ? String(read.rows[read.rows.length - 1]?.rowKey) : (after ?? '');
        if (boundary === null || last < boundary) boundary = last;
      }
      const byKey = new Map<string, QueueRow>();
      for (const read of reads) {
        for (const entity of read.rows) {
          const { rowKey, row } = toQueueRow(entity);
          if (boundary !== null && rowKey > boundary) continue;
          if (search && !servesSearchRow(rowKey, row, search)) continue;
          if (listing.keep && !listing.keep(row)) continue;
          byKey.set(rowKey, row);
        }
      }
      const keys = [...byKey.keys()].sort();
      const page = keys.slice(0, limit);
      const last = page.at(-1);
      const nextAfter = keys.length > limit && last !== undefined ? last : boundary;
      return {
        rows: page.map((key) => byKey.get(key) as QueueRow),
        nextCursor: nextAfter ? encodeCursor(nextAfter, family) : null,
      };
    },

    async count(partitions, today, visible = () => true) {
      const seen = new Map<string, { final: string | null; atRiskFrom: string | null }>();
      const columns = ['RowKey', 'finalDeadline', 'atRiskFrom', 'caseTypeKey', 'confidentiality', 'assigneeId'];
      for (const partition of partitions) {
        // The deadline family only: one row per case (ADR 0020 adds sort and search rows after it).
        const filter = odata`PartitionKey eq ${partition} and RowKey lt ${deadlineFamilyEnd}`;
        for await (const entity of query(table, filter, columns)) {
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
