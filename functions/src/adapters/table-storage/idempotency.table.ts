import { createHash, randomUUID } from 'node:crypto';
import type { TableClient, TableEntity } from '@azure/data-tables';
import { canonicalJson, type JsonValue } from '../../domain/events';
import type { Clock } from '../../ports/event-log';
import {
  IdempotencyKeyReused,
  IdempotencyRequestInProgress,
  type IdempotencyScope,
  type IdempotencyStart,
  type IdempotencyStore,
  type StoredResponse,
} from '../../ports/idempotency';
import { storageStatus, withTable } from './case-store-errors';
import { checkBatchLimits, getChunked, putChunked } from './case-store-rows';

export const idempotencyTableName = 'IdempotencyKeys';

export interface IdempotencyOptions {
  clock: Clock;
  /** How long a key is remembered (default 24 h). */
  ttlMs?: number;
  /** A request still 'in progress' after this long is taken to have died; a retry may run (default 2 min). */
  leaseMs?: number;
}

interface KeyRow {
  fingerprint?: string;
  state?: 'in-progress' | 'completed';
  lease?: string;
  startedAt?: Date;
  expiresAt?: Date;
  status?: number;
  caseId?: string;
  etag?: string;
  [property: string]: unknown;
}

/**
 * Idempotency keys in Table `IdempotencyKeys`, one partition per (principal, key) — both hashed, so any
 * key text is safe as a table key and keys spread over partitions. The row is created 'in-progress'
 * by the first request (create fails for every other: that is the race's referee), then completed with
 * the response. Expired rows (expiresAt, 24 h) count as absent; Table Storage has no TTL of its own,
 * so a later clean-up timer deletes them.
 */
export function createTableIdempotencyStore(table: TableClient, options: IdempotencyOptions): IdempotencyStore {
  const { clock, ttlMs = 24 * 60 * 60 * 1000, leaseMs = 2 * 60 * 1000 } = options;

  const read = async (partitionKey: string): Promise<KeyRow | null> => {
    try {
      return await table.getEntity<KeyRow>(partitionKey, rowKey);
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  };

  const ownRow = async (scope: IdempotencyScope, lease: string): Promise<KeyRow & { etag: string }> => {
    const row = await read(keyPartition(scope));
    if (!row || row.lease !== lease || row.state !== 'in-progress' || !row.etag) {
      throw new Error('this request no longer holds its Idempotency-Key (its lease expired and a retry took over)');
    }
    return { ...row, etag: row.etag };
  };

  return {
    async begin(scope, fingerprint): Promise<IdempotencyStart> {
      const partitionKey = keyPartition(scope);
      for (let attempt = 0; attempt < 5; attempt++) {
        const now = clock.now();
        const lease = randomUUID();
        const fresh: TableEntity = {
          partitionKey,
          rowKey,
          fingerprint,
          state: 'in-progress',
          lease,
          startedAt: now,
          expiresAt: new Date(now.getTime() + ttlMs),
        };
        try {
          await withTable(table, () => table.createEntity(fresh));
          return { kind: 'execute', lease };
        } catch (error) {
          if (storageStatus(error) !== 409) throw error;
        }
        const existing = await read(partitionKey);
        if (!existing?.etag) continue; // deleted in between: try to create again
        if (!existing.expiresAt || existing.expiresAt.getTime() <= now.getTime()) {
          await ignoreConflicts(table.deleteEntity(partitionKey, rowKey, { etag: existing.etag }));
          continue;
        }
        if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
        if (existing.state === 'completed') return { kind: 'replay', response: toResponse(existing) };
        const startedAt = existing.startedAt?.getTime() ?? 0;
        if (now.getTime() - startedAt < leaseMs) throw new IdempotencyRequestInProgress();
        // The first request died mid-way: take its lease over (only one retry can, thanks to If-Match).
        const takeOver = { ...fresh, expiresAt: existing.expiresAt };
        try {
          await table.updateEntity(takeOver, 'Replace', { etag: existing.etag });
          return { kind: 'execute', lease };
        } catch (error) {
          if (storageStatus(error) !== 412) throw error;
        }
      }
      throw new IdempotencyRequestInProgress();
    },

    async complete(scope, lease, response) {
      const row = await ownRow(scope, lease);
      const completed: TableEntity = {
        partitionKey: keyPartition(scope),
        rowKey,
        fingerprint: row.fingerprint,
        state: 'completed',
        lease,
        startedAt: row.startedAt,
        expiresAt: row.expiresAt,
        status: response.status,
        ...(response.caseId ? { caseId: response.caseId } : {}),
      };
      putChunked(completed, 'body', canonicalJson(response.body));
      checkBatchLimits([completed]);
      await table.updateEntity(completed, 'Replace', { etag: row.etag });
    },

    async abandon(scope, lease) {
      const row = await ownRow(scope, lease);
      await ignoreConflicts(table.deleteEntity(keyPartition(scope), rowKey, { etag: row.etag }));
    },
  };
}

const rowKey = 'key';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const keyPartition = (scope: IdempotencyScope): string => sha256(`${scope.principalId}\n${scope.key}`);

function toResponse(row: KeyRow): StoredResponse {
  const body = getChunked(row, 'body');
  return {
    status: row.status ?? 200,
    body: body === null ? null : (JSON.parse(body) as JsonValue),
    ...(row.caseId ? { caseId: row.caseId } : {}),
  };
}

/** A row someone else already changed or removed: their outcome stands. */
async function ignoreConflicts(operation: Promise<unknown>): Promise<void> {
  try {
    await operation;
  } catch (error) {
    const status = storageStatus(error);
    if (status !== 404 && status !== 412) throw error;
  }
}
