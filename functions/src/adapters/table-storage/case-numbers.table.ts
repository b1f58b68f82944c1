import type { TableClient } from '@azure/data-tables';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaseNumberContention, type CaseNumbers } from '../../ports/case-numbers';
import type { Clock } from '../../ports/event-log';
import { storageStatus, withTable } from './case-store-errors';

export const caseNumbersTableName = 'CaseNumbers';

export interface CaseNumbersOptions {
  clock: Clock;
  /** Attempts before giving up with CaseNumberContention (each a read and a conditional write). */
  maxAttempts?: number;
  /** Backoff between attempts: random in [0, min(cap, base * 2^attempt)) ms ("full jitter"). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/** `ZAAK-2026-000042`; more than 999,999 in a year simply gets a seventh digit. */
export const formatCaseNumber = (prefix: string, year: number, value: number): string =>
  `${prefix}-${year}-${String(value).padStart(6, '0')}`;

/** The calendar year in Europe/Amsterdam: a case registered at 00:30 on 1 January local time is in the new year. */
export function amsterdamYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(instant));
}

/**
 * Case numbers from a counter row per (prefix, year) in Table `CaseNumbers` (PartitionKey = prefix,
 * RowKey = year, `last` = the last number handed out), advanced with optimistic concurrency: read,
 * write last+1 with If-Match, on 412/409 back off with jitter and try again. No in-memory counter, so
 * any number of Function instances can allocate at once. A number is durable once returned; if the
 * registration that asked for it then fails, that number is skipped (gaps are allowed, duplicates never).
 */
export function createTableCaseNumbers(table: TableClient, options: CaseNumbersOptions): CaseNumbers {
  const { clock, maxAttempts = 60, baseDelayMs = 5, maxDelayMs = 200, random = Math.random } = options;

  const tryOnce = async (prefix: string, year: number): Promise<number | null> => {
    const rowKey = String(year);
    let current: { last?: number; etag?: string } | null;
    try {
      current = await withTable(table, () => table.getEntity<{ last?: number }>(prefix, rowKey));
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
      current = null;
    }
    try {
      if (current === null) {
        await table.createEntity({ partitionKey: prefix, rowKey, last: 1 });
        return 1;
      }
      const next = (current.last ?? 0) + 1;
      await table.updateEntity({ partitionKey: prefix, rowKey, last: next }, 'Replace', { etag: current.etag ?? '*' });
      return next;
    } catch (error) {
      const status = storageStatus(error);
      if (status === 412 || status === 409) return null; // someone else took this number: read again
      throw error;
    }
  };

  return {
    async next(prefix, { year = amsterdamYear(clock.now()) } = {}) {
      if (!/^[A-Z][A-Z0-9]{0,15}$/.test(prefix)) throw new Error(`case number prefix "${prefix}" must be A-Z0-9, 1-16 long`);
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const value = await tryOnce(prefix, year);
        if (value !== null) return formatCaseNumber(prefix, year, value);
        await sleep(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
      }
      throw new CaseNumberContention(prefix, maxAttempts);
    },
  };
}
