import { createHash } from 'node:crypto';
import { RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { invalidInput } from '../../app/errors';
import { canonicalJson } from '../../domain/events';
import type { AccessLog, AccessLogVerification, AccessRecord, AccessRecordPage } from '../../ports/access-log';
import { pauseWithFullJitter } from '../../app/full-jitter';

/**
 * Access records in Table Storage, create-only, under `case:<caseId>`: a case's log is one partition
 * query. Row keys count down from the year 2286 so a partition lists newest first; the record id keeps
 * equal instants apart. A case's records are hash-chained (DUTCH-RULES §5, tamper-evident): each carries
 * `seq`, `previousHash` and `hash`, and a `head` row holds the last, both written in one entity-group
 * transaction guarded by the head's ETag.
 *
 * The per-person report reads the party index: one row per case under `party:<e-mail or name>` (lower
 * case), written when the case is registered (`indexParties`), so a read writes its record once and
 * not once more per party name and e-mail address (decision 0023 amendment); the report merges the
 * records of the person's cases, newest first.
 *
 * Off the read's critical path (decision 0023): the head can be read ahead (`prepareAppend`, while the
 * case loads) and each instance keeps the heads it last wrote or read with their ETags, so an append
 * is usually one transaction; a head moved elsewhere fails that transaction's ETag check (412), and the
 * append reads the head afresh and retries.
 */
export const accessLogTableName = 'AccessLog';

const maxMs = 9_999_999_999_999;
const headRow = 'head';
/** Enough for a burst of readers of one case: each round one append wins, the others wait a random moment. */
const maxAppendAttempts = 30;
/** Heads kept per instance (the oldest goes first); a stale one costs one refused transaction. */
const maxCachedHeads = 2_000;
const pauseBeforeRetry = (attempt: number) => pauseWithFullJitter(attempt, { baseMs: 2, capMs: 100 });
const chainHash = (previousHash: string, record: AccessRecord): string =>
  createHash('sha256').update(previousHash).update('\n').update(canonicalJson(record)).digest('hex');
const statusOf = (error: unknown): number | undefined => (error instanceof RestError ? error.statusCode : undefined);
const rowKeyOf = (record: Pick<AccessRecord, 'at' | 'id'>): string =>
  `${String(maxMs - Date.parse(record.at)).padStart(13, '0')}|${record.id}`;
const normalized = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');
/** PartitionKey may not hold / \ # ? or control characters; encodeURIComponent removes all of them. */
const casePartition = (caseId: string): string => `case:${encodeURIComponent(caseId)}`;
export const partyPartition = (person: string): string => `party:${encodeURIComponent(normalized(person))}`;
/** A case's records have row keys starting with a digit (rowKeyOf); the head row sorts after them. */
const recordsEnd = ':';
/** Cases of one person read at the same time by the per-person report. */
const personReportConcurrency = 8;

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
        // The head row of a case's chain is not a record.
        queryOptions: { filter: `PartitionKey eq '${partitionKey.replace(/'/g, "''")}' and RowKey ne '${headRow}'` },
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

  // Per case: the head as this instance last saw it (read or written), or a read of it in flight.
  const heads = new Map<string, Promise<Head>>();
  const rememberHead = (caseId: string, head: Promise<Head>): void => {
    heads.delete(caseId); // re-inserted at the end: the map's order is the eviction order
    heads.set(caseId, head);
    while (heads.size > maxCachedHeads) heads.delete(heads.keys().next().value as string);
    head.catch(() => {
      if (heads.get(caseId) === head) heads.delete(caseId);
    });
  };
  const chainHeads: ChainHeads = {
    // A kept head, even an old one, is a fine first guess: a moved head fails the transaction's ETag check.
    guess: (caseId) => heads.get(caseId)?.catch(() => readHead(table, caseId)) ?? readHead(table, caseId),
    fresh: (caseId) => {
      heads.delete(caseId);
      return readHead(table, caseId);
    },
    forget: (caseId) => heads.delete(caseId),
    written: (caseId, head) => (head === undefined ? heads.delete(caseId) : rememberHead(caseId, Promise.resolve(head))),
  };

  return {
    prepareAppend(caseId) {
      if (!heads.has(caseId)) rememberHead(caseId, readHead(table, caseId));
    },
    async append(record) {
      await ensureTable();
      const columns = { record: JSON.stringify(record), caseId: record.caseId, userId: record.user.id, at: record.at };
      // The read is served only when this is stored. createEntity, never upsert: no record is overwritten.
      await appendToCaseChain(table, chainHeads, record, rowKeyOf(record), columns);
    },
    async indexParties(caseId, parties) {
      await ensureTable();
      const persons = new Set<string>();
      for (const party of parties) {
        persons.add(partyPartition(party.name));
        if (party.email) persons.add(partyPartition(party.email));
      }
      await Promise.all(
        [...persons].map((partitionKey) =>
          table.upsertEntity({ partitionKey, rowKey: encodeURIComponent(caseId), caseId }, 'Replace'),
        ),
      );
    },
    listForCase: (caseId, page) => list(casePartition(caseId), page),
    listForPerson: (person, page) => listForPerson(table, person, page),
    verifyCase: (caseId) => verifyCaseChain(table, caseId),
  };
}

type Head = { hash: string; seq: number; etag: string } | null;

/** Where an append gets the case's chain head: a first guess (kept or read ahead), then fresh reads. */
interface ChainHeads {
  guess(caseId: string): Promise<Head>;
  fresh(caseId: string): Promise<Head>;
  /** After a committed append: the new head, or undefined when the response did not carry its ETag. */
  written(caseId: string, head: Head | undefined): void;
  forget(caseId: string): void;
}

async function readHead(table: TableClient, caseId: string): Promise<Head> {
  try {
    const head = await table.getEntity<{ hash: string; seq: number }>(casePartition(caseId), headRow);
    return { hash: head.hash, seq: head.seq, etag: head.etag };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** Adds the record after the case's current head; a concurrent append moves the head, so retry on 409/412. */
async function appendToCaseChain(
  table: TableClient,
  heads: ChainHeads,
  record: AccessRecord,
  rowKey: string,
  columns: Record<string, string>,
): Promise<void> {
  const partitionKey = casePartition(record.caseId);
  for (let attempt = 1; ; attempt++) {
    const head = await (attempt === 1 ? heads.guess(record.caseId) : heads.fresh(record.caseId));
    const previousHash = head?.hash ?? '';
    const seq = (head?.seq ?? 0) + 1;
    const hash = chainHash(previousHash, record);
    const headEntity = { partitionKey, rowKey: headRow, hash, seq };
    const actions: TransactionAction[] = [
      ['create', { partitionKey, rowKey, ...columns, seq, previousHash, hash }],
      head ? ['update', headEntity, 'Replace', { etag: head.etag }] : ['create', headEntity],
    ];
    try {
      const response = await table.submitTransaction(actions);
      // Sub-responses come in the order of the actions; an update's carries no row key (no Location
      // header), so the head's is found by position, not through getResponseForEntity.
      const headResponse = response.subResponses[1];
      const etag = headResponse && (headResponse.rowKey ?? headRow) === headRow ? headResponse.etag : undefined;
      heads.written(record.caseId, etag ? { hash, seq, etag } : undefined);
      return;
    } catch (error) {
      const status = statusOf(error);
      heads.forget(record.caseId); // whatever went wrong, the next append reads the head afresh
      // A kept head whose row is gone (removed behind the API's back) fails its update with 404.
      const staleGuess = attempt === 1 && head !== null && status === 404;
      if ((status === 409 || status === 412 || staleGuess) && attempt < maxAppendAttempts) {
        await pauseBeforeRetry(attempt); // out of step with the other appenders, or they collide again
        continue;
      }
      throw error;
    }
  }
}

/**
 * The records of every case filed under the person, newest first: the person's cases from the party index,
 * then from each case the records older than the cursor (one partition query each, `limit + 1` so a case
 * with more shows there is a next page), merged. The cursor is the row key of the last record returned;
 * row keys of all cases share one order (time counted down, then the record id).
 */
async function listForPerson(
  table: TableClient,
  person: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<AccessRecordPage> {
  const after = cursor === undefined ? undefined : decodePersonCursor(cursor);
  const caseIds: string[] = [];
  try {
    const filter = `PartitionKey eq '${partyPartition(person).replace(/'/g, "''")}'`;
    for await (const row of table.listEntities<{ caseId: string }>({ queryOptions: { filter, select: ['caseId'] } })) {
      caseIds.push(row.caseId);
    }
  } catch (error) {
    if (statusOf(error) === 404) return { records: [], nextCursor: null };
    throw error;
  }
  const rows: { rowKey: string; record: string }[] = [];
  let next = 0;
  const readCase = async (caseId: string) => {
    const partition = casePartition(caseId).replace(/'/g, "''");
    const from = after === undefined ? '' : ` and RowKey gt '${after}'`;
    const filter = `PartitionKey eq '${partition}'${from} and RowKey lt '${recordsEnd}'`;
    const pages = table
      .listEntities<{ record: string }>({ queryOptions: { filter, select: ['RowKey', 'record'] } })
      .byPage({ maxPageSize: limit + 1 });
    // A page may come back short, even empty, with a continuation: read on until limit + 1 or the end.
    let found = 0;
    for await (const page of pages) {
      for (const row of page) rows.push({ rowKey: row.rowKey ?? '', record: row.record });
      found += page.length;
      if (found > limit) break;
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(personReportConcurrency, caseIds.length) }, async () => {
      while (next < caseIds.length) await readCase(caseIds[next++] as string);
    }),
  );
  rows.sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
  const shown = rows.slice(0, limit);
  const records = shown.map((row) => RecordSchema.parse(JSON.parse(row.record)) as AccessRecord);
  const last = shown.at(-1);
  return { records, nextCursor: rows.length > limit && last ? encodePersonCursor(last.rowKey) : null };
}

const personCursorPattern = /^[0-9]{13}\|[A-Za-z0-9-]{1,64}$/;
const encodePersonCursor = (rowKey: string): string => Buffer.from(rowKey, 'utf8').toString('base64url');

function decodePersonCursor(cursor: string): string {
  const rowKey = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!personCursorPattern.test(rowKey)) {
    throw invalidInput([{ path: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor from this list' }]);
  }
  return rowKey;
}

/** Recomputes a case's chain in append order; any changed, removed or inserted record breaks it. */
async function verifyCaseChain(table: TableClient, caseId: string): Promise<AccessLogVerification> {
  const rows: { seq: number; previousHash: string; hash: string; record: string }[] = [];
  const filter = `PartitionKey eq '${casePartition(caseId).replace(/'/g, "''")}' and RowKey ne '${headRow}'`;
  try {
    for await (const row of table.listEntities<{ seq: number; previousHash: string; hash: string; record: string }>({
      queryOptions: { filter },
    })) {
      rows.push(row);
    }
  } catch (error) {
    if (statusOf(error) === 404) return { valid: true, count: 0 };
    throw error;
  }
  const head = await readHead(table, caseId);
  rows.sort((a, b) => a.seq - b.seq);
  let previous = '';
  for (const [index, row] of rows.entries()) {
    const record = RecordSchema.parse(JSON.parse(row.record)) as AccessRecord;
    if (row.seq !== index + 1 || row.previousHash !== previous || chainHash(previous, record) !== row.hash) {
      return { valid: false, count: rows.length, brokenAt: index + 1 };
    }
    previous = row.hash;
  }
  if ((head?.hash ?? '') !== previous || (head?.seq ?? 0) !== rows.length) {
    return { valid: false, count: rows.length, brokenAt: rows.length + 1 };
  }
  return { valid: true, count: rows.length };
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
