import { compareWithRaw, floorOf, resultsPath } from './report';
import { summarize } from './stats';

describe('bench report', () => {
  it('compares reads with the point read, the queue page with the range query and writes with the insert', () => {
    expect(floorOf('get by id')).toBe('read');
    expect(floorOf('get by number')).toBe('read');
    expect(floorOf('my work queue, first page')).toBe('range');
    expect(floorOf('register (burst of 200)')).toBe('insert');
    expect(floorOf('update field (PATCH)')).toBe('insert');
    expect(floorOf('take')).toBe('insert');
    expect(floorOf('phase move')).toBe('insert');
    expect(floorOf('take, projection deferred')).toBe('insert');
    expect(floorOf('phase move, projection deferred')).toBe('insert');
    expect(floorOf('projection lag')).toBeNull();
    expect(floorOf('raw point read')).toBeNull();
    expect(floorOf('raw point read (case row)')).toBeNull();
  });

  it('gives each operation its p95 over its floor p95, and a table row with its figures', () => {
    const { ratios, rows } = compareWithRaw({
      latencies: {
        'raw point read': summarize([1, 1, 1, 1]),
        'raw point read (case row)': summarize([2, 2, 2, 2]),
        'raw insert': summarize([4, 4, 4, 4]),
        'raw range query (top 50)': summarize([40, 40, 40, 40]),
        'get by id': summarize([5, 5, 5, 6]),
        'my work queue, first page': summarize([60, 60, 60, 60]),
        'register (sequential)': summarize([10, 10, 10, 10]),
        'projection lag': summarize([30]),
      },
      throughput: { 'get by id': 190.5, 'register (sequential)': 95 },
      opsPerRequest: { 'get by id': { Cases: 1, total: 2 } },
    });
    expect(ratios).toEqual({ 'get by id': 3, 'my work queue, first page': 1.5, 'register (sequential)': 2.5 });
    expect(rows[0]).toEqual(['operation', 'p50 ms', 'p95 ms', 'p99 ms', 'n', 'per s', 'storage ops/req', '× raw p95']);
    expect(rows.find((row) => row[0] === 'get by id')).toEqual(['get by id', '5', '6', '6', '4', '190.5', '2', '3 (read)']);
    expect(rows.find((row) => row[0] === 'my work queue, first page')?.[7]).toBe('1.5 (range query)');
    expect(rows.find((row) => row[0] === 'register (sequential)')?.[7]).toBe('2.5 (insert)');
    expect(rows.find((row) => row[0] === 'projection lag')?.[7]).toBe('');
  });

  it('leaves an operation without a ratio when its floor was not measured', () => {
    const { ratios } = compareWithRaw({
      latencies: { 'raw point read (case row)': summarize([2]), 'my work queue, first page': summarize([60]) },
      throughput: {},
      opsPerRequest: {},
    });
    expect(ratios).toEqual({});
  });

  it('writes results under tests/bench/results by start time unless told otherwise', () => {
    const started = new Date('2026-11-28T21:00:00.123Z');
    expect(resultsPath('/repo', started)).toBe('/repo/tests/bench/results/bench-2026-11-28T21-00-00-123Z.json');
    expect(resultsPath('/repo', started, 'elsewhere.json')).toBe('elsewhere.json');
  });
});
