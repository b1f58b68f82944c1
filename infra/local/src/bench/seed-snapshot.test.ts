import { partitionBatches, seedSnapshotKey, storedEntity } from './seed-snapshot';

describe('bench seed snapshot', () => {
  it('names a seed by its size and inputs', () => {
    const key = seedSnapshotKey({ cases: 100000, inputs: ['case-types/klacht.yaml', 'key: klacht'] });
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(seedSnapshotKey({ cases: 100000, inputs: ['case-types/klacht.yaml', 'key: klacht'] })).toBe(key);
    expect(seedSnapshotKey({ cases: 1000, inputs: ['case-types/klacht.yaml', 'key: klacht'] })).not.toBe(key);
    expect(seedSnapshotKey({ cases: 100000, inputs: ['case-types/klacht.yaml', 'key: klacht2'] })).not.toBe(key);
    // Inputs are hashed one by one: moving text between them is a different seed.
    expect(seedSnapshotKey({ cases: 100000, inputs: ['case-types/klacht.yamlkey: klacht'] })).not.toBe(key);
  });

  it('keeps an entity without the service-owned ETag and timestamp', () => {
    const listed = {
      partitionKey: 'case:1',
      rowKey: 'case',
      etag: `W/"datetime'2026-11-28T17%3A00%3A00Z'"`,
      timestamp: '2026-11-28T17:00:00Z',
      'odata.etag': 'x',
      state: { value: '{"id":"1"}', type: 'String' },
      lastSequence: { value: '2', type: 'Int64' },
    };
    expect(storedEntity(listed)).toEqual({
      partitionKey: 'case:1',
      rowKey: 'case',
      state: { value: '{"id":"1"}', type: 'String' },
      lastSequence: { value: '2', type: 'Int64' },
    });
  });

  it('batches consecutive rows per partition, at most the given number in one', () => {
    const rows = ['a', 'a', 'a', 'b', 'c', 'c'].map((partitionKey, i) => ({ partitionKey, rowKey: String(i) }));
    expect(partitionBatches(rows, 2).map((batch) => batch.map((row) => `${row.partitionKey}${row.rowKey}`))).toEqual([
      ['a0', 'a1'],
      ['a2'],
      ['b3'],
      ['c4', 'c5'],
    ]);
    expect(partitionBatches([])).toEqual([]);
  });
});
