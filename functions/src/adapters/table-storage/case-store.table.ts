import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { canonicalJson, chainEvents, genesisHead, type CaseEvent, type ChainHead, type JsonValue } from '../../domain/events';
import {
  CaseStoreIntegrityError,
  ConcurrencyConflict,
  TransactionTooLarge,
  type CaseCommit,
  type CaseRowColumns,
  type CaseStore,
  type CommitResult,
  type LoadedCase,
} from '../../ports/case-store';
import { UnreadableEvent, type Clock } from '../../ports/event-log';
import { outboxMessageId, type OutboxMessage } from '../../ports/outbox';
import { isNotFound, isTableNotFound, storageStatus, withTable } from './case-store-errors';
import {
  casePartitionKey,
  caseRowKey,
  checkBatchLimits,
  eventRowKey,
  getChunked,
  outboxRowKey,
  putChunked,
  tableLimits,
} from './case-store-rows';
import { writeOutboxMarker } from './outbox-markers.table';

export const casesTableName = 'Cases';
export const outboxPendingTableName = 'OutboxPending';

/** Case-row properties the store owns; query columns may not use these names. */
const reservedColumns = /^(partitionKey|rowKey|etag|timestamp|kind|caseId|lastSequence|lastHash|stateChunks|state_\d+)$/i;

export interface TableCaseStoreDeps {
  cases: TableClient;
  outboxPending: TableClient;
  clock: Clock;
}

/** The CaseStore on Azure Table Storage: one partition per case, one entity-group transaction per commit. */
export function createTableCaseStore(deps: TableCaseStoreDeps): CaseStore {
  const { cases } = deps;

  const readCaseRow = async (caseId: string): Promise<Record<string, unknown> | null> => {
    try {
      return await cases.getEntity<Record<string, unknown>>(casePartitionKey(caseId), caseRowKey);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  const currentEtag = async (caseId: string): Promise<string | null> => {
    const row = await readCaseRow(caseId);
    return typeof row?.etag === 'string' ? row.etag : null;
  };

  return {
    async load<S extends JsonValue = JsonValue>(caseId: string): Promise<LoadedCase<S> | null> {
      const row = await readCaseRow(caseId);
      return row ? toLoadedCase<S>(caseId, row) : null;
    },

    async commit<S extends JsonValue>(caseId: string, commit: CaseCommit<S>): Promise<CommitResult> {
      if (commit.events.length === 0) throw new CaseStoreIntegrityError(caseId, 'a commit records at least one event');
      const head: ChainHead =
        commit.expected === 'new' ? genesisHead : { sequence: commit.expected.lastSequence, hash: commit.expected.lastHash };
      const events = chainEvents(caseId, head, commit.events);
      const newHead = events.at(-1) ?? head;
      const messages = outboxMessages(caseId, newHead.sequence, commit.outbox ?? []);

      const caseRow = buildCaseRow(caseId, commit.state, newHead, commit.columns ?? {});
      const rows = [caseRow, ...events.map(eventRow), ...messages.map(outboxRow)];
      checkBatchLimits(rows);
      const actions: TransactionAction[] = [
        commit.expected === 'new' ? ['create', caseRow] : ['update', caseRow, 'Replace', { etag: commit.expected.etag }],
        ...rows.slice(1).map((row): TransactionAction => ['create', row]),
      ];

      // The marker goes first: if we die after the transaction, the sweep still finds the rows. The caller's
      // own earlier writes (commit.before) are stored alongside it: one round trip instead of two.
      const [outboxMarker] = await Promise.all([
        messages.length > 0 ? writeOutboxMarker(deps.outboxPending, deps.clock, caseId, randomUUID()) : null,
        commit.before,
      ]);
      let etag: string | undefined;
      try {
        const response = await withTable(cases, () => cases.submitTransaction(actions));
        etag = response.subResponses[0]?.etag;
      } catch (error) {
        throw await commitError(caseId, commit.expected === 'new', error, currentEtag);
      }
      // Some emulators leave ETags out of batch sub-responses; the row itself always has one.
      etag ??= (await currentEtag(caseId)) ?? undefined;
      if (!etag) throw new CaseStoreIntegrityError(caseId, 'the case row has no ETag after the commit');
      return {
        etag,
        head: { sequence: newHead.sequence, hash: newHead.hash },
        outboxCount: messages.length,
        outboxMarker,
        outboxMessages: messages,
      };
    },
  };
}

async function commitError(
  caseId: string,
  creating: boolean,
  error: unknown,
  currentEtag: (caseId: string) => Promise<string | null>,
): Promise<Error> {
  const status = storageStatus(error);
  // 412: the case row changed since it was loaded. 404 on update: it was never there (or was removed).
  if (status === 412 || (status === 404 && !creating && !isTableNotFound(error))) {
    return new ConcurrencyConflict(caseId, await currentEtag(caseId));
  }
  if (status === 409) {
    const etag = await currentEtag(caseId);
    // Creating a case that exists is a conflict; any other existing row (an event or outbox row) is not.
    if (creating && etag !== null) return new ConcurrencyConflict(caseId, etag);
    return new CaseStoreIntegrityError(caseId, 'a row the commit adds already exists; nothing was written', { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function buildCaseRow(caseId: string, state: JsonValue, head: ChainHead, columns: CaseRowColumns): TableEntity {
  const row: TableEntity = {
    partitionKey: casePartitionKey(caseId),
    rowKey: caseRowKey,
    kind: 'case',
    caseId,
    lastSequence: head.sequence,
    lastHash: head.hash,
  };
  for (const [name, value] of Object.entries(columns)) {
    if (reservedColumns.test(name) || !/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(name)) {
      throw new CaseStoreIntegrityError(caseId, `"${name}" cannot be a query column of the case row`);
    }
    row[name] = value;
  }
  putChunked(row, 'state', canonicalJson(state));
  return row;
}

function toLoadedCase<S extends JsonValue>(caseId: string, row: Record<string, unknown>): LoadedCase<S> {
  const stateJson = getChunked(row, 'state');
  const { etag, lastSequence, lastHash } = row;
  if (stateJson === null || typeof etag !== 'string' || typeof lastSequence !== 'number' || typeof lastHash !== 'string') {
    throw new CaseStoreIntegrityError(caseId, 'the case row is incomplete');
  }
  let state: S;
  try {
    state = JSON.parse(stateJson) as S;
  } catch (error) {
    throw new CaseStoreIntegrityError(caseId, 'the case state does not parse', { cause: error });
  }
  return { state, etag, lastSequence, lastHash };
}

function eventRow(event: CaseEvent): TableEntity {
  const row: TableEntity = {
    partitionKey: casePartitionKey(event.caseId),
    rowKey: eventRowKey(event.sequence),
    kind: 'event',
    // Plain columns for people inspecting the table; the chunked canonical JSON is what is read back.
    sequence: event.sequence,
    type: event.type,
    occurredAt: event.occurredAt,
    actorId: event.actor.id,
    hash: event.hash,
  };
  putChunked(row, 'event', canonicalJson(event));
  return row;
}

/**
 * Reads an event row back from its canonical JSON. A row edited so that it no longer parses is an
 * UnreadableEvent at the sequence its RowKey names; one that parses is returned as it is, so the hash
 * chain (not this reader) decides whether it was changed.
 */
export function eventFromRow(caseId: string, row: Record<string, unknown>): CaseEvent {
  const json = getChunked(row, 'event');
  try {
    if (json === null) throw new Error('no event columns');
    const event = JSON.parse(json) as unknown;
    if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new Error('not an object');
    return event as CaseEvent;
  } catch {
    throw new UnreadableEvent(caseId, Number(/^event:(\d+)$/.exec(String(row.rowKey))?.[1] ?? 0));
  }
}

function outboxMessages(caseId: string, sequence: number, drafts: NonNullable<CaseCommit['outbox']>): OutboxMessage[] {
  return drafts.map((draft, n) => {
    const message: OutboxMessage = {
      messageId: outboxMessageId(caseId, sequence, n),
      caseId,
      sequence,
      n,
      type: draft.type,
      payload: draft.payload ?? null,
    };
    const bytes = Buffer.byteLength(canonicalJson(message), 'utf8');
    if (bytes > tableLimits.queueMessageJsonBytes) {
      throw new TransactionTooLarge('message-bytes', bytes, tableLimits.queueMessageJsonBytes);
    }
    return message;
  });
}

function outboxRow(message: OutboxMessage): TableEntity {
  const row: TableEntity = {
    partitionKey: casePartitionKey(message.caseId),
    rowKey: outboxRowKey(message.sequence, message.n),
    kind: 'outbox',
    messageId: message.messageId,
    type: message.type,
  };
  putChunked(row, 'message', canonicalJson(message));
  return row;
}

export function outboxMessageFromRow(row: Record<string, unknown>): OutboxMessage {
  const json = getChunked(row, 'message');
  if (json === null) throw new Error(`row ${String(row.rowKey)} holds no outbox message`);
  return JSON.parse(json) as OutboxMessage;
}
