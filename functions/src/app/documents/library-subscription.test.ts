import type { LibrarySubscription } from '../../ports/document-changes';
import { clientStateMatches, keepLibrarySubscription } from './library-subscription';
import { silentLog } from '../../test-support/principals';

const settings = { url: 'https://zaakwerk.example/api/v1/graph/notifications', clientState: 'geheim-0123456789abcdef' };
const now = new Date('2026-03-05T12:00:00.000Z');

function setup(stored: LibrarySubscription | null, graphKnows = true) {
  let row = stored;
  const calls: string[] = [];
  const deps = {
    clock: { now: () => now },
    store: {
      loadSubscription: () => Promise.resolve(row),
      saveSubscription: (s: LibrarySubscription) => ((row = s), Promise.resolve()),
    },
    subscriptions: {
      create: (request: { notificationUrl: string; clientState: string; expiresAt: string }) => (
        calls.push(`create ${request.notificationUrl} ${request.clientState} ${request.expiresAt}`),
        Promise.resolve({ id: 'sub-new', expiresAt: request.expiresAt })
      ),
      renew: (id: string, expiresAt: string) => (
        calls.push(`renew ${id} ${expiresAt}`),
        Promise.resolve(graphKnows ? { id, expiresAt } : null)
      ),
    },
  };
  return { deps, calls, row: () => row };
}

describe('keeping the Graph subscription on the library', () => {
  it('creates one for 2 days when there is none', async () => {
    const t = setup(null);
    expect(await keepLibrarySubscription(t.deps, settings, silentLog)).toBe('created');
    expect(t.calls).toEqual([`create ${settings.url} ${settings.clientState} 2026-03-07T12:00:00.000Z`]);
    expect(t.row()).toEqual({ id: 'sub-new', expiresAt: '2026-03-07T12:00:00.000Z' });
  });

  it('leaves one with more than a day left alone', async () => {
    const t = setup({ id: 'sub-1', expiresAt: '2026-03-06T13:00:00.000Z' });
    expect(await keepLibrarySubscription(t.deps, settings, silentLog)).toBe('kept');
    expect(t.calls).toEqual([]);
  });

  it('renews one with less than a day left', async () => {
    const t = setup({ id: 'sub-1', expiresAt: '2026-03-06T11:00:00.000Z' });
    expect(await keepLibrarySubscription(t.deps, settings, silentLog)).toBe('renewed');
    expect(t.calls).toEqual(['renew sub-1 2026-03-07T12:00:00.000Z']);
    expect(t.row()).toEqual({ id: 'sub-1', expiresAt: '2026-03-07T12:00:00.000Z' });
  });

  it('creates a new one when Graph no longer knows the stored one', async () => {
    const t = setup({ id: 'sub-1', expiresAt: '2026-03-05T11:00:00.000Z' }, false);
    expect(await keepLibrarySubscription(t.deps, settings, silentLog)).toBe('created');
    expect(t.row()?.id).toBe('sub-new');
  });
});

describe('checking a notification’s clientState', () => {
  it('accepts exactly the secret and nothing else', () => {
    expect(clientStateMatches('geheim', 'geheim')).toBe(true);
    expect(clientStateMatches('geheim ', 'geheim')).toBe(false);
    expect(clientStateMatches('Geheim', 'geheim')).toBe(false);
    expect(clientStateMatches('', 'geheim')).toBe(false);
    expect(clientStateMatches(undefined, 'geheim')).toBe(false);
    expect(clientStateMatches(42, 'geheim')).toBe(false);
  });
});

describe('the library subscription and lifecycle notifications', () => {
  const withLifecycle = { ...settings, lifecycleUrl: 'https://zaakwerk.example/api/v1/graph/lifecycle' };

  it('asks for lifecycle notifications when a lifecycle URL is configured and stores it', async () => {
    const t = setup(null);
    t.deps.subscriptions.create = (request: {
      notificationUrl: string;
      lifecycleNotificationUrl?: string;
      expiresAt: string;
    }) => (
      t.calls.push(`create ${request.lifecycleNotificationUrl}`),
      Promise.resolve({ id: 'sub-new', expiresAt: request.expiresAt, lifecycleUrl: request.lifecycleNotificationUrl })
    );
    expect(await keepLibrarySubscription(t.deps, withLifecycle, silentLog)).toBe('created');
    expect(t.calls).toEqual([`create ${withLifecycle.lifecycleUrl}`]);
    expect(t.row()?.lifecycleUrl).toBe(withLifecycle.lifecycleUrl);
  });

  it('replaces a stored subscription made without the lifecycle URL (Graph cannot add one by PATCH)', async () => {
    const t = setup({ id: 'sub-1', expiresAt: '2026-03-06T18:00:00.000Z' });
    expect(await keepLibrarySubscription(t.deps, withLifecycle, silentLog)).toBe('created');
    expect(t.calls.map((c) => c.split(' ')[0])).toEqual(['create']);
    expect(t.row()?.id).toBe('sub-new');
  });

  it('keeps the lifecycle URL when renewing', async () => {
    const t = setup({ id: 'sub-1', expiresAt: '2026-03-06T11:00:00.000Z', lifecycleUrl: withLifecycle.lifecycleUrl });
    expect(await keepLibrarySubscription(t.deps, withLifecycle, silentLog)).toBe('renewed');
    expect(t.row()).toEqual({ id: 'sub-1', expiresAt: '2026-03-07T12:00:00.000Z', lifecycleUrl: withLifecycle.lifecycleUrl });
  });
});
