import type { TableEntity } from '@azure/data-tables';
import { TransactionTooLarge } from '../../ports/case-store';

/**
 * Row layout of a case partition (PartitionKey `case:<caseId>`), by RowKey:
 * - `case`: the case row — state as JSON split over `state_0..`, chain head, query columns;
 * - `event:<sequence, 10 digits>`: one audit event, its canonical JSON split over `event_0..`;
 * - `outbox:<sequence, 10 digits>:<n, 3 digits>`: a message waiting to be sent to the queue.
 * Zero-padding makes RowKey order equal sequence order, so ranges are plain RowKey comparisons.
 */
export const casePartitionKey = (caseId: string): string => `case:${caseId}`;
export const caseRowKey = 'case';
export const eventRowKey = (sequence: number): string => `event:${pad(sequence, 10)}`;
export const outboxRowKey = (sequence: number, n: number): string => `outbox:${pad(sequence, 10)}:${pad(n, 3)}`;
export const eventRowKeyRange = { from: 'event:', toExclusive: 'event;' } as const;
export const outboxRowKeyRange = { from: 'outbox:', toExclusive: 'outbox;' } as const;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Table Storage limits (https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model). */
export const tableLimits = {
  operationsPerBatch: 100,
  batchBytes: 4 * 1024 * 1024,
  entityBytes: 1024 * 1024,
  /** 255 properties, three of which are PartitionKey, RowKey and Timestamp. */
  customProperties: 252,
  /** A string property holds 64 KiB of UTF-16: 32,768 code units. We stay a little under. */
  chunkCodeUnits: 30_000,
  /** A queue message is 64 KiB; base64 makes 4 bytes of 3, so the JSON may be 48 KiB of UTF-8. */
  queueMessageJsonBytes: 48 * 1024,
} as const;

/** Splits a string into chunks of at most `size` UTF-16 code units without cutting a surrogate pair. */
export function splitIntoChunks(text: string, size: number = tableLimits.chunkCodeUnits): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // keep a high surrogate with its low half
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length === 0 ? [''] : chunks;
}

/** Writes `text` as `<prefix>Chunks` + `<prefix>_0..n` properties onto `row`. */
export function putChunked(row: TableEntity, prefix: string, text: string): void {
  const chunks = splitIntoChunks(text);
  row[`${prefix}Chunks`] = chunks.length;
  chunks.forEach((chunk, i) => (row[`${prefix}_${i}`] = chunk));
}

/** Reads what putChunked wrote; null when the row has no such property set or a chunk is missing. */
export function getChunked(row: Record<string, unknown>, prefix: string): string | null {
  const count = row[`${prefix}Chunks`];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null;
  let text = '';
  for (let i = 0; i < count; i++) {
    const chunk = row[`${prefix}_${i}`];
    if (typeof chunk !== 'string') return null;
    text += chunk;
  }
  return text;
}

/** The service's own size formula for an entity (strings count UTF-16 bytes). */
export function entitySizeBytes(row: TableEntity): number {
  let size = 4 + row.partitionKey.length * 2 + row.rowKey.length * 2;
  for (const [name, value] of Object.entries(row)) {
    if (name === 'partitionKey' || name === 'rowKey' || value === undefined) continue;
    size += 8 + name.length * 2 + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return 4 + value.length * 2;
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 4 : 8;
  return 8; // Date, int64
}

/** Approximate wire size of one batch operation: the entity as JSON plus its MIME part headers. */
const operationBytes = (row: TableEntity): number => Buffer.byteLength(JSON.stringify(row), 'utf8') + 512;

/** Refuses a batch that the service would reject, before sending it, with a typed error. */
export function checkBatchLimits(rows: readonly TableEntity[]): void {
  if (rows.length > tableLimits.operationsPerBatch) {
    throw new TransactionTooLarge('operations', rows.length, tableLimits.operationsPerBatch);
  }
  let batchBytes = 0;
  for (const row of rows) {
    const properties = Object.keys(row).length - 2;
    if (properties > tableLimits.customProperties) {
      throw new TransactionTooLarge('properties', properties, tableLimits.customProperties);
    }
    const size = entitySizeBytes(row);
    if (size > tableLimits.entityBytes) throw new TransactionTooLarge('entity-bytes', size, tableLimits.entityBytes);
    batchBytes += operationBytes(row);
  }
  if (batchBytes > tableLimits.batchBytes) throw new TransactionTooLarge('batch-bytes', batchBytes, tableLimits.batchBytes);
}
