import { indexKeysOf, mapInParallel, projectSeededCases, windows } from './seed-projection';
import type { RowKeyPair, WorkQueueProjectionStore, WorkQueueRow } from '@zaakwerk/functions/in-process';

describe('bench bulk projection', () => {
  it('cuts the cases into consecutive windows of at most the given size', () => {
    expect(windows(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(windows(['a', 'b'], 5)).toEqual([['a', 'b']]);
    expect(windows([], 3)).toEqual([]);
    expect(() => windows(['a'], 0)).toThrow(/at least one/);
  });

  it('maps every item with at most the given number in flight, results in the items order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapInParallel([5, 1, 4, 2, 3], 2, async (n, i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return `${i}:${n * 10}`;
    });
    expect(results).toEqual(['0:50', '1:10', '2:40', '3:20', '4:30']);
    expect(most).toBe(2);
    expect(await mapInParallel([], 4, async () => 1)).toEqual([]);
  });

  it('keeps only the keys of the rows for the projection index, in their order', () => {
    const rows = [
      { partitionKey: 'assignee:x', rowKey: '2026-01-02|c1', columns: { title: 't' } },
      { partitionKey: 'caseType:klacht', rowKey: '2026-01-02|c1', columns: { title: 't' } },
    ];
    expect(indexKeysOf(rows)).toEqual([
      { partitionKey: 'assignee:x', rowKey: '2026-01-02|c1' },
      { partitionKey: 'caseType:klacht', rowKey: '2026-01-02|c1' },
    ]);
  });

  /** A store that records what it is asked to write (the real one is tested against Azurite: bench-seed.test.ts). */
  function recordingStore(existingIndex: readonly string[] = []) {
    const writes: { upserts: readonly WorkQueueRow[]; deletes: readonly RowKeyPair[] }[] = [];
    const indexes = new Map<string, { sequence: number; keys: RowKeyPair[] }>();
    const store: WorkQueueProjectionStore = {
      readIndex: () => Promise.reject(new Error('not read by the bulk projection')),
      async writeIndex(caseId, next, expectedEtag) {
        expect(expectedEtag).toBeNull();
        if (existingIndex.includes(caseId) || indexes.has(caseId)) return null;
        indexes.set(caseId, next);
        return `etag-${caseId}`;
      },
      upsertRow: () => Promise.reject(new Error('rows go through writeRows')),
      deleteRow: () => Promise.reject(new Error('the bulk projection deletes nothing')),
      async writeRows(upserts, deletes) {
        writes.push({ upserts, deletes });
      },
    };
    return { store, writes, indexes };
  }

  const stateOf = (id: string, assignee: string | null) => ({
    id,
    number: `ZAAK-2026-00000${id.slice(1)}`,
    title: `Bench klacht ${id}`,
    caseType: { key: 'klacht', name: 'Klacht', version: 1 },
    status: 'open',
    phase: { key: 'intake', name: 'Intake' },
    deadline: { final: '2026-12-24' },
    receivedOn: '2026-11-28',
    updatedAt: '2026-11-28T12:00:00.000Z',
    assignee: assignee ? { id: assignee, name: assignee } : null,
    confidentiality: 'intern',
    tasks: [],
    links: [],
    shares: [],
  });

  it("writes the rows of a window's cases in one bulk write and each case's index at its last sequence", async () => {
    const { store, writes, indexes } = recordingStore();
    const loads: string[] = [];
    const caseStore = {
      load: async (caseId: string) => {
        loads.push(caseId);
        return { state: stateOf(caseId, 'h1') as never, etag: 'e', lastSequence: 2, lastHash: 'h' };
      },
    };
    const typeInfo = async () => ({ handlerGroups: ['g1'], atRiskWorkingDays: 5 });
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const result = await projectSeededCases(ids, { caseStore, store, typeInfo }, { casesPerWindow: 2, windowsInFlight: 1 });

    expect(loads.sort()).toEqual(ids);
    expect(writes.map((w) => new Set(w.upserts.map((row) => row.columns.caseId)))).toEqual([
      new Set(['c1', 'c2']),
      new Set(['c3', 'c4']),
      new Set(['c5']),
    ]);
    expect(writes.every((w) => w.deletes.length === 0)).toBe(true);
    const rows = writes.flatMap((w) => w.upserts);
    expect(result).toEqual({ cases: 5, rows: rows.length });
    // Each case: its assignee's, its type's and its team's queue.
    for (const id of ids) {
      const own = rows.filter((row) => row.columns.caseId === id);
      expect(new Set(own.map((row) => row.partitionKey.split('|')[0]))).toEqual(
        new Set(['assignee:h1', 'caseType:klacht', 'team:g1']),
      );
      expect(indexes.get(id)).toEqual({ sequence: 2, keys: indexKeysOf(own) });
    }
  });

  it('refuses a case that a projector has already indexed, and a case the store does not have', async () => {
    const typeInfo = async () => undefined;
    const found = {
      load: async (caseId: string) => ({ state: stateOf(caseId, null) as never, etag: 'e', lastSequence: 1, lastHash: 'h' }),
    };
    await expect(
      projectSeededCases(['c1', 'c2'], { caseStore: found, store: recordingStore(['c2']).store, typeInfo }),
    ).rejects.toThrow(/case c2 already has a work-queue projection index/);
    await expect(
      projectSeededCases(['c9'], { caseStore: { load: async () => null }, store: recordingStore().store, typeInfo }),
    ).rejects.toThrow(/seeded case c9 is not in the case store/);
  });
});
