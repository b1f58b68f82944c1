import type { TableClient } from '@azure/data-tables';
import { pauseWithFullJitter } from '../../app/full-jitter';
import { CaseNumberContention, type CaseNumbers } from '../../ports/case-numbers';
import type { Clock } from '../../ports/event-log';
import { storageStatus, withTable } from './case-store-errors';

export const caseNumbersTableName = 'CaseNumbers';

export interface CaseNumbersOptions {
  clock: Clock;
  /** Attempts before giving up with CaseNumberContention (each a conditional write, after a read when needed). */
  maxAttempts?: number;
  /** Backoff between attempts: random in [0, min(cap, base * 2^attempt)) ms ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  /** Most numbers one conditional write reserves for the requests waiting in this instance (default 500). */
  maxBatch?: number;
}

/** `ZAAK-2026-000042`; more than 999,999 in a year simply gets a seventh digit. */
export const formatCaseNumber = (prefix: string, year: number, value: number): string =>
  `${prefix}-${year}-${String(value).padStart(6, '0')}`;

/** The calendar year in Europe/Amsterdam: a case registered at 00:30 on 1 January local time is in the new year. */
export function amsterdamYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(instant));
}

interface Waiter {
  resolve: (value: number) => void;
  reject: (error: unknown) => void;
}

/** One counter row as this instance last saw it: a guess to skip a read, never trusted without its ETag. */
interface Seen {
  last: number;
  etag: string;
}

interface Lane {
  waiting: Waiter[];
  running: boolean;
  seen: Seen | null;
}

/**
 * Case numbers from a counter row per (prefix, year) in Table `CaseNumbers` (PartitionKey = prefix,
 * RowKey = year, `last` = the last number handed out), advanced with optimistic concurrency: write
 * last+n with If-Match, on 412/409 read again, back off with jitter and try again. The table is the only
 * source of truth, so any number of Function instances can allocate at once.
 *
 * Requests that arrive in one instance while its previous write is in flight are served together: the
 * next write reserves exactly as many numbers as are waiting and hands them out at once (group commit,
 * decision 0014). Nothing is reserved ahead of demand, so no block of numbers is lost when an instance
 * stops; a number is only skipped when the registration that got it fails afterwards (gaps are allowed,
 * duplicates never). The row's last ETag is remembered to skip the read when this instance wrote last; a
 * stale one simply fails its If-Match.
 */
export function createTableCaseNumbers(table: TableClient, options: CaseNumbersOptions): CaseNumbers {
  const { clock, maxAttempts = 60, baseDelayMs = 5, maxDelayMs = 200, random = Math.random, maxBatch = 500 } = options;
  const lanes = new Map<string, Lane>();

  const read = async (prefix: string, rowKey: string): Promise<Seen | null> => {
    try {
      const row = await withTable(table, () => table.getEntity<{ last?: number }>(prefix, rowKey));
      return { last: row.last ?? 0, etag: row.etag ?? '*' };
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
      return null;
    }
  };

  /** Reserves `count` consecutive numbers with one successful conditional write; resolves to the first. */
  const reserve = async (lane: Lane, prefix: string, year: number, count: number): Promise<number> => {
    const rowKey = String(year);
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const current = lane.seen ?? (await read(prefix, rowKey));
      try {
        if (current === null) {
          const created = await withTable(table, () => table.createEntity({ partitionKey: prefix, rowKey, last: count }));
          lane.seen = created.etag ? { last: count, etag: created.etag } : null;
          return 1;
        }
        const last = current.last + count;
        const updated = await table.updateEntity({ partitionKey: prefix, rowKey, last }, 'Replace', { etag: current.etag });
        lane.seen = updated.etag ? { last, etag: updated.etag } : null;
        return current.last + 1;
      } catch (error) {
        const status = storageStatus(error);
        if (status !== 412 && status !== 409) throw error;
        // Another instance took these numbers.
        const guessed = lane.seen !== null;
        lane.seen = null;
        if (guessed && attempt === 0) continue; // our remembered ETag was stale: read and try at once
      }
      await pauseWithFullJitter(attempt, { baseMs: baseDelayMs, capMs: maxDelayMs, random });
    }
    throw new CaseNumberContention(prefix, maxAttempts);
  };

  const pump = async (lane: Lane, prefix: string, year: number): Promise<void> => {
    lane.running = true;
    try {
      while (lane.waiting.length > 0) {
        const batch = lane.waiting.splice(0, maxBatch);
        try {
          const first = await reserve(lane, prefix, year, batch.length);
          batch.forEach((waiter, i) => waiter.resolve(first + i));
        } catch (error) {
          lane.seen = null;
          for (const waiter of batch) waiter.reject(error);
        }
      }
    } finally {
      lane.running = false;
    }
  };

  return {
    async next(prefix, { year = amsterdamYear(clock.now()) } = {}) {
      if (!/^[A-Z][A-Z0-9]{0,15}$/.test(prefix)) throw new Error(`case number prefix "${prefix}" must be A-Z0-9, 1-16 long`);
      const key = `${prefix}|${year}`;
      let lane = lanes.get(key);
      if (!lane) {
        lane = { waiting: [], running: false, seen: null };
        lanes.set(key, lane);
      }
      const value = new Promise<number>((resolve, reject) => lane.waiting.push({ resolve, reject }));
      if (!lane.running) void pump(lane, prefix, year);
      return formatCaseNumber(prefix, year, await value);
    },
  };
}
