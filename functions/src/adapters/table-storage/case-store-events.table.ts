import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';
import type { CaseEvent } from '../../domain/events';
import type { EventLog, EventPage, ListEventsOptions } from '../../ports/event-log';
import { isNotFound } from './case-store-errors';
import { eventFromRow } from './case-store.table';
import { casePartitionKey, caseRowKey, eventRowKey, eventRowKeyRange } from './case-store-rows';

const quote = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Reads events from case partitions. Sequences are gapless, so a page is a RowKey range computed from
 * the cursor (one range query per page, in either direction) rather than a scan: newest-first reads
 * [hi - limit, hi], one extra row telling whether another page follows.
 */
export function createTableEventLog(cases: TableClient): EventLog {
  const rowsBetween = async (caseId: string, fromSequence: number, toSequence: number): Promise<CaseEvent[]> => {
    const filter =
      `PartitionKey eq ${quote(casePartitionKey(caseId))} and ` +
      `RowKey ge '${eventRowKey(fromSequence)}' and RowKey le '${eventRowKey(toSequence)}'`;
    return collect(cases, caseId, filter);
  };

  const lastSequence = async (caseId: string): Promise<number> => {
    try {
      const row = await cases.getEntity<{ lastSequence?: number }>(casePartitionKey(caseId), caseRowKey, {
        queryOptions: { select: ['lastSequence'] },
      });
      return row.lastSequence ?? 0;
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
  };

  return {
    async listEvents(caseId: string, options: ListEventsOptions): Promise<EventPage> {
      const limit = Math.max(1, Math.floor(options.limit));
      const newestFirst = options.newestFirst ?? false;
      const cursor = options.cursor === undefined ? undefined : decodeCursor(options.cursor, newestFirst);
      if (!newestFirst) {
        const from = cursor ?? Math.max(1, options.fromSequence ?? 1);
        const rows = await rowsBetween(caseId, from, from + limit);
        return {
          events: rows.slice(0, limit),
          nextCursor: rows.length > limit ? encodeCursor(from + limit, false) : null,
        };
      }
      const hi = cursor ?? options.fromSequence ?? (await lastSequence(caseId));
      if (hi < 1) return { events: [], nextCursor: null };
      const rows = await rowsBetween(caseId, Math.max(1, hi - limit), hi);
      const newest = rows.reverse();
      return {
        events: newest.slice(0, limit),
        nextCursor: newest.length > limit ? encodeCursor(hi - limit, true) : null,
      };
    },

    async allEvents(caseId) {
      return collect(
        cases,
        caseId,
        `PartitionKey eq ${quote(casePartitionKey(caseId))} and ` +
          `RowKey ge '${eventRowKeyRange.from}' and RowKey lt '${eventRowKeyRange.toExclusive}'`,
      );
    },

    async listCaseIds({ limit, cursor }) {
      // A scan over every partition (RowKey only): fine for the admin tool, never for a request path.
      const pages = cases
        .listEntities<{ caseId?: string }>({ queryOptions: { filter: `RowKey eq '${caseRowKey}'`, select: ['caseId'] } })
        .byPage({ maxPageSize: limit, ...(cursor ? { continuationToken: cursor } : {}) });
      try {
        const page = (await pages.next()).value;
        const caseIds = (page ?? []).flatMap((row: { caseId?: string }) => (typeof row.caseId === 'string' ? [row.caseId] : []));
        return { caseIds, nextCursor: page?.continuationToken ?? null };
      } catch (error) {
        if (isNotFound(error)) return { caseIds: [], nextCursor: null };
        throw error;
      }
    },
  };
}

async function collect(table: TableClient, caseId: string, filter: string): Promise<CaseEvent[]> {
  const events: CaseEvent[] = [];
  try {
    for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      events.push(eventFromRow(caseId, row));
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  return events;
}

const Cursor = z.object({ s: z.number().int().min(1), d: z.enum(['asc', 'desc']) });

const encodeCursor = (sequence: number, newestFirst: boolean): string =>
  Buffer.from(JSON.stringify({ s: sequence, d: newestFirst ? 'desc' : 'asc' }), 'utf8').toString('base64url');

/** A cursor from the other direction (or not ours at all) is a 400, not a silently wrong page. */
function decodeCursor(cursor: string, newestFirst: boolean): number {
  const invalid = invalidInput([{ path: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor from this list' }]);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid;
  let parsed;
  try {
    parsed = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid;
  }
  if ((parsed.d === 'desc') !== newestFirst) throw invalid;
  return parsed.s;
}
