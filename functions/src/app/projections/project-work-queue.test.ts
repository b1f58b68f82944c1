import type { CaseState } from '../../domain/cases';
import type { CaseStore, LoadedCase } from '../../ports/case-store';
import { aCaseState } from '../../test-support/a-case-state';
import { projectWorkQueue, type ProjectionIndex, type RowKeyPair, type WorkQueueProjectionStore } from './project-work-queue';
import { expectedWorkQueueRows, rowIdentity, type WorkQueueRow } from './work-queue-rows';
import { deadlineFamilyEnd, updatedRowKey } from './work-queue-keys';

/** In-memory stand-ins that behave like the table adapters: ETag-guarded index, upsert/delete rows. */
function fakes() {
  let current: LoadedCase<CaseState> | null = null;
  const rows = new Map<string, WorkQueueRow>();
  let index: ProjectionIndex | null = null;
  let etags = 0;
  const caseStore: Pick<CaseStore, 'load'> = {
    load: <S>() => Promise.resolve(current as LoadedCase<S & CaseState> | null),
  };
  const store: WorkQueueProjectionStore = {
    readIndex: () => Promise.resolve(index && { ...index, keys: [...index.keys] }),
    writeIndex(_caseId, next, expectedEtag) {
      if ((index?.etag ?? null) !== expectedEtag) return Promise.resolve(null);
      index = { ...next, keys: [...next.keys], etag: `W/"${++etags}"` };
      return Promise.resolve(index.etag);
    },
    upsertRow(row) {
      rows.set(rowIdentity(row), row);
      return Promise.resolve();
    },
    deleteRow(key: RowKeyPair) {
      rows.delete(rowIdentity(key));
      return Promise.resolve();
    },
  };
  return {
    caseStore: caseStore as CaseStore,
    store,
    rows,
    index: () => index,
    setCase(state: CaseState, lastSequence: number) {
      current = { state, lastSequence, etag: `W/"case-${lastSequence}"`, lastHash: 'h' };
    },
    /** The deadline-family rows (one per queue; the sort and search rows ride along, see the last test). */
    keys: () =>
      [...rows.values()]
        .filter((row) => row.rowKey < deadlineFamilyEnd)
        .map((row) => `${row.partitionKey} ${row.rowKey}`)
        .sort(),
    allKeys: () => [...rows.values()].map((row) => `${row.partitionKey} ${row.rowKey}`).sort(),
  };
}

describe('projectWorkQueue', () => {
  it('writes the rows of the current state and records the projected sequence', async () => {
    const f = fakes();
    f.setCase(aCaseState(), 1);
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f)).resolves.toBe('projected');
    expect(f.keys()).toEqual(['assignee:oid-bea 2026-04-27|case-1', 'caseType:omgevingsvergunning 2026-04-27|case-1']);
    expect(f.index()?.sequence).toBe(1);
  });

  it('moves the row when the assignee and deadline change, leaving nothing behind', async () => {
    const f = fakes();
    f.setCase(aCaseState(), 1);
    await projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f);
    f.setCase(
      aCaseState({
        assignee: { id: 'oid-kees', name: 'Kees' },
        deadline: { final: '2026-05-11', planned: null, suspendedDays: 0 },
      }),
      2,
    );
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 2 }, f)).resolves.toBe('projected');
    expect(f.keys()).toEqual(['assignee:oid-kees 2026-05-11|case-1', 'caseType:omgevingsvergunning 2026-05-11|case-1']);
  });

  it('changes nothing when the same or an older message arrives again', async () => {
    const f = fakes();
    f.setCase(aCaseState(), 1);
    await projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f);
    f.setCase(aCaseState({ assignee: { id: 'oid-kees', name: 'Kees' } }), 2);
    await projectWorkQueue({ caseId: 'case-1', sequence: 2 }, f);
    const etag = f.index()?.etag;
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f)).resolves.toBe('up-to-date');
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 2 }, f)).resolves.toBe('up-to-date');
    expect(f.index()?.etag).toBe(etag);
    expect(f.keys()).toEqual(['assignee:oid-kees 2026-04-27|case-1', 'caseType:omgevingsvergunning 2026-04-27|case-1']);
  });

  it('projects the newest state even when an old message is the first to arrive', async () => {
    const f = fakes();
    f.setCase(aCaseState({ status: 'closed' }), 5);
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f)).resolves.toBe('projected');
    expect(f.keys()).toEqual([]);
    expect(f.index()).toMatchObject({ sequence: 5, keys: [] });
  });

  it('removes the rows of a case once it is closed', async () => {
    const f = fakes();
    f.setCase(aCaseState(), 1);
    await projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f);
    f.setCase(aCaseState({ status: 'closed' }), 3);
    await projectWorkQueue({ caseId: 'case-1', sequence: 3 }, f);
    expect(f.keys()).toEqual([]);
  });

  it('redoes the work against the newest state when another projector finished in between', async () => {
    const f = fakes();
    f.setCase(aCaseState(), 1);
    const upsert = f.store.upsertRow.bind(f.store);
    let interfered = false;
    // While this run writes the sequence-1 rows, a newer commit is projected by someone else.
    f.store.upsertRow = async (row) => {
      if (!interfered) {
        interfered = true;
        f.setCase(aCaseState({ assignee: { id: 'oid-kees', name: 'Kees' } }), 2);
        await projectWorkQueue({ caseId: 'case-1', sequence: 2 }, f);
      }
      await upsert(row);
    };
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f)).resolves.toBe('projected');
    expect(f.keys()).toEqual(['assignee:oid-kees 2026-04-27|case-1', 'caseType:omgevingsvergunning 2026-04-27|case-1']);
    expect(f.index()?.sequence).toBe(2);
  });

  it('pauses after a lost race before it looks again, growing with each attempt', async () => {
    const f = fakes();
    f.setCase(aCaseState(), 1);
    const pauses: number[] = [];
    const deps = { ...f, backoff: (attempt: number) => (pauses.push(attempt), Promise.resolve()) };
    const upsert = f.store.upsertRow.bind(f.store);
    let interfered = false;
    f.store.upsertRow = async (row) => {
      if (!interfered) {
        interfered = true;
        f.setCase(aCaseState({ assignee: { id: 'oid-kees', name: 'Kees' } }), 2);
        await projectWorkQueue({ caseId: 'case-1', sequence: 2 }, deps);
      }
      await upsert(row);
    };
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 1 }, deps)).resolves.toBe('projected');
    expect(pauses).toEqual([0]);
  });

  it('settles when many projectors of one case run at once (register and take delivered together)', async () => {
    const f = fakes();
    f.setCase(aCaseState({ assignee: { id: 'oid-kees', name: 'Kees' } }), 2);
    // Every store call yields, so the runs interleave as they do against storage.
    const later = <T>(value: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value)));
    const { readIndex, writeIndex, upsertRow, deleteRow } = f.store;
    const store: WorkQueueProjectionStore = {
      readIndex: async (id) => later(await readIndex(id)),
      writeIndex: async (id, next, etag) => later(await writeIndex(id, next, etag)),
      upsertRow: async (row) => later(await upsertRow(row)),
      deleteRow: async (key) => later(await deleteRow(key)),
    };
    const runs = Array.from({ length: 8 }, (_, n) =>
      projectWorkQueue({ caseId: 'case-1', sequence: 1 + (n % 2) }, { caseStore: f.caseStore, store }),
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes).toContain('projected');
    expect(f.keys()).toEqual(['assignee:oid-kees 2026-04-27|case-1', 'caseType:omgevingsvergunning 2026-04-27|case-1']);
    expect(f.index()?.sequence).toBe(2);
  });

  it('reports a case that does not exist without writing anything', async () => {
    const f = fakes();
    await expect(projectWorkQueue({ caseId: 'nope', sequence: 1 }, f)).resolves.toBe('case-not-found');
    expect(f.index()).toBeNull();
  });

  it('moves the updated and search rows on a change and, replayed out of order, leaves exactly the newest rows', async () => {
    const f = fakes();
    const first = aCaseState({ title: 'Dakkapel', updatedAt: '2026-03-02T08:00:00.000Z' });
    const second = aCaseState({ title: 'Schuur', updatedAt: '2026-03-04T09:30:00.000Z' });
    const expectedKeys = (state: CaseState) =>
      expectedWorkQueueRows(state)
        .map((row) => `${row.partitionKey} ${row.rowKey}`)
        .sort();
    f.setCase(first, 1);
    await projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f);
    expect(f.allKeys()).toEqual(expectedKeys(first));
    f.setCase(second, 2);
    await projectWorkQueue({ caseId: 'case-1', sequence: 2 }, f);
    expect(f.allKeys()).toEqual(expectedKeys(second));
    expect(f.allKeys()).toContain(`assignee:oid-bea|updated ${updatedRowKey('2026-03-04T09:30:00.000Z', 'case-1')}`);
    expect(f.allKeys().some((key) => key.includes('dakkapel') || key.includes(updatedRowKey(first.updatedAt, 'case-1')))).toBe(
      false,
    );
    // The older message arrives late: nothing changes.
    await expect(projectWorkQueue({ caseId: 'case-1', sequence: 1 }, f)).resolves.toBe('up-to-date');
    expect(f.allKeys()).toEqual(expectedKeys(second));
  });
});
