import type { TableEntity } from '@azure/data-tables';
import {
  checkBatchLimits,
  entitySizeBytes,
  getChunked,
  outboxRowKey,
  eventRowKey,
  putChunked,
  splitIntoChunks,
} from './case-store-rows';

describe('case partition rows', () => {
  it('pads sequences so RowKey order is sequence order', () => {
    expect(eventRowKey(7)).toBe('event:0000000007');
    expect(eventRowKey(9) < eventRowKey(10)).toBe(true);
    expect(outboxRowKey(12, 3)).toBe('outbox:0000000012:003');
  });

  it('splits text into chunks of at most the given size and joins them back', () => {
    const text = 'abcdefghij'.repeat(7);
    const chunks = splitIntoChunks(text, 16);
    expect(chunks.every((c) => c.length <= 16)).toBe(true);
    expect(chunks.join('')).toBe(text);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = 'a😀😀😀😀';
    const chunks = splitIntoChunks(text, 2);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk).toBe(Buffer.from(chunk, 'utf8').toString('utf8'));
  });

  it('round-trips chunked columns and notices a missing chunk', () => {
    const row: TableEntity = { partitionKey: 'p', rowKey: 'r' };
    putChunked(row, 'state', 'x'.repeat(70_000));
    expect(row.stateChunks).toBe(3);
    expect(getChunked(row, 'state')).toBe('x'.repeat(70_000));
    delete row.state_1;
    expect(getChunked(row, 'state')).toBeNull();
  });

  it('sizes an entity by the service formula (UTF-16 strings)', () => {
    expect(entitySizeBytes({ partitionKey: 'p', rowKey: 'r', s: 'ab', n: 1, b: true })).toBe(
      4 + 2 + 2 + (8 + 2 + 4 + 4) + (8 + 2 + 4) + (8 + 2 + 1),
    );
  });

  it('refuses more than 100 operations and rows over 1 MiB', () => {
    const small = (i: number): TableEntity => ({ partitionKey: 'p', rowKey: String(i) });
    expect(() => checkBatchLimits(Array.from({ length: 100 }, (_, i) => small(i)))).not.toThrow();
    expect(() => checkBatchLimits(Array.from({ length: 101 }, (_, i) => small(i)))).toThrow(
      expect.objectContaining({ limit: 'operations' }),
    );
    const big: TableEntity = { partitionKey: 'p', rowKey: 'r' };
    putChunked(big, 'state', 'x'.repeat(530_000));
    expect(() => checkBatchLimits([big])).toThrow(expect.objectContaining({ limit: 'entity-bytes' }));
  });

  it('refuses a batch whose rows together exceed 4 MiB', () => {
    const rows = Array.from({ length: 6 }, (_, i) => {
      const row: TableEntity = { partitionKey: 'p', rowKey: String(i) };
      putChunked(row, 'event', 'é'.repeat(400_000)); // ~800 KB of UTF-8 each, under 1 MiB as UTF-16
      return row;
    });
    expect(() => checkBatchLimits(rows)).toThrow(expect.objectContaining({ limit: 'batch-bytes' }));
  });
});
