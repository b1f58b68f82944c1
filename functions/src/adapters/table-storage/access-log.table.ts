import { RestError, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';
import type { AccessLog, AccessRecord, AccessRecordPage } from '../../ports/access-log';

/**
 * Access records in Table Storage, create-only. Each read is written once under `case:<caseId>` and
 * once per party under `person:<e-mail or name>` (lower case), so both the case's log and the
 * per-person report are single-partition queries. Row keys count down from the year 2286 so a
 * partition lists newest first; the record id keeps equal instants apart.
 */
export const accessLogTableName = 'AccessLog';

const maxMs = 9_999_999_999_999;
const rowKeyOf = (record: Pick<AccessRecord, 'at' | 'id'>): string =>
  `${String(maxMs - Date.parse(record.at)).padStart(13, '0')}|${record.id}`;
const normalized = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
/** PartitionKey may not hold / \ # ? or control characters; encodeURIComponent removes all of them. */
const casePartition = (caseId: string): string => `case:${encodeURIComponent(caseId)}`;
export const personPartition = (person: string): string => `person:${encodeURIComponent(normalized(person))}`;

const RecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseTypeKey: z.string(),
  confidentiality: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  via: z.object({ appId: z.string(), name: z.string() }).nullable(),
  channel: z.string(),
  purpose: z.string(),
  parties: z.array(z.object({ role: z.string(), name: z.string(), email: z.string().nullable() })),
});

export function createTableAccessLog(table: TableClient): AccessLog {
  let tableReady: Promise<void> | undefined;
  const ensureTable = () =>
    (tableReady ??= table.createTable().catch((error: unknown) => {
      tableReady = undefined;
      throw error;
    }));

  const list = async (partitionKey: string, { limit, cursor }: { limit: number; cursor?: string }): Promise<AccessRecordPage> => {
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
      if (error instanceof RestError && error.statusCode === 404) return { records: [], nextCursor: null };
      throw error;
    }
    const records = (page ?? []).map(
      (row: Record<string, unknown>) => RecordSchema.parse(JSON.parse(String(row.record))) as AccessRecord,
    );
    return { records, nextCursor: page?.continuationToken ? encodeCursor(page.continuationToken) : null };
  };

  return {
    async append(record) {
      await ensureTable();
      const persons = new Set<string>();
      for (const party of record.parties) {
        persons.add(personPartition(party.name));
        if (party.email) persons.add(personPartition(party.email));
      }
      const rowKey = rowKeyOf(record);
      const columns = { record: JSON.stringify(record), caseId: record.caseId, userId: record.user.id, at: record.at };
      // createEntity, never upsert: an existing row is never overwritten.
      await Promise.all(
        [casePartition(record.caseId), ...persons].map((partitionKey) =>
          table.createEntity({ partitionKey, rowKey, ...columns }),
        ),
      );
    },
    listForCase: (caseId, page) => list(casePartition(caseId), page),
    listForPerson: (person, page) => list(personPartition(person), page),
  };
}

const SdkToken = z.object({ nextPartitionKey: z.string(), nextRowKey: z.string().optional() });
const encodeCursor = (sdkToken: string): string => Buffer.from(sdkToken, 'base64').toString('base64url');

function decodeCursor(cursor: string): string {
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
