import type { JsonValue } from '../../domain/events';
import {
  IdempotencyKeyReused,
  IdempotencyRequestInProgress,
  type IdempotencyStore,
  type StoredResponse,
} from '../../ports/idempotency';
import { requestFingerprint, runOnce } from './run-once';
import { silentLog } from '../../test-support/principals';

/** Keeps keys like the table adapter: first begin runs, a finished key replays, another fingerprint is refused. */
function memoryStore(): IdempotencyStore & { size: () => number } {
  const rows = new Map<string, { fingerprint: string; response?: StoredResponse }>();
  const id = (scope: { principalId: string; key: string }) => `${scope.principalId}\n${scope.key}`;
  return {
    begin: (scope, fingerprint) => {
      const row = rows.get(id(scope));
      if (!row) {
        rows.set(id(scope), { fingerprint });
        return Promise.resolve({ kind: 'execute', lease: 'l' });
      }
      if (row.fingerprint !== fingerprint) return Promise.reject(new IdempotencyKeyReused());
      if (!row.response) return Promise.reject(new IdempotencyRequestInProgress());
      return Promise.resolve({ kind: 'replay', response: structuredClone(row.response) });
    },
    complete: (scope, _lease, response) => {
      const row = rows.get(id(scope));
      if (row) row.response = structuredClone(response);
      return Promise.resolve();
    },
    abandon: (scope) => {
      rows.delete(id(scope));
      return Promise.resolve();
    },
    size: () => rows.size,
  };
}

describe('runOnce', () => {
  const created = (n: number) => ({ status: 201, body: { version: n } as JsonValue, headers: { etag: `W/"${n}"` } });

  it('runs every time without a key', async () => {
    const store = memoryStore();
    let runs = 0;
    const run = () => Promise.resolve(created(++runs));
    await runOnce(store, 'u', undefined, 'f', silentLog, run);
    await runOnce(store, 'u', undefined, 'f', silentLog, run);
    expect(runs).toBe(2);
    expect(store.size()).toBe(0);
  });

  it('replays status, body and headers of the first run to a retry, and refuses another request under the key', async () => {
    const store = memoryStore();
    let runs = 0;
    const run = () => Promise.resolve(created(++runs));
    expect(await runOnce(store, 'u', 'k', 'f', silentLog, run)).toEqual({ ...created(1), replayed: false });
    expect(await runOnce(store, 'u', 'k', 'f', silentLog, run)).toEqual({ ...created(1), replayed: true });
    await expect(runOnce(store, 'u', 'k', 'other', silentLog, run)).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(runs).toBe(1);
    // Another user's key of the same name is their own.
    expect((await runOnce(store, 'v', 'k', 'other', silentLog, run)).replayed).toBe(false);
  });

  it('forgets the key when the run fails, so a retry runs again', async () => {
    const store = memoryStore();
    await expect(runOnce(store, 'u', 'k', 'f', silentLog, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(store.size()).toBe(0);
    expect((await runOnce(store, 'u', 'k', 'f', silentLog, () => Promise.resolve(created(1)))).replayed).toBe(false);
  });

  it('fingerprints equal requests alike whatever their key order, and different requests apart', () => {
    expect(requestFingerprint({ route: 'r', body: { a: 1, b: 2 } })).toBe(
      requestFingerprint({ body: { b: 2, a: 1 }, route: 'r' }),
    );
    expect(requestFingerprint({ route: 'r', body: { a: 1 } })).not.toBe(requestFingerprint({ route: 'r', body: { a: 2 } }));
  });
});
