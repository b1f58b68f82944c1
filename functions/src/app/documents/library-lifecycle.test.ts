import type { LibrarySubscription } from '../../ports/document-changes';
import { silentLog } from '../../test-support/principals';
import { handleLifecycleNotifications } from './library-lifecycle';

const settings = {
  url: 'https://zaakwerk.example/api/v1/graph/notifications',
  clientState: 'geheim-0123456789abcdef',
  lifecycleUrl: 'https://zaakwerk.example/api/v1/graph/lifecycle',
};
const now = new Date('2026-03-05T12:00:00.000Z');
const stored: LibrarySubscription = {
  id: 'sub-1',
  expiresAt: '2026-03-06T18:00:00.000Z',
  lifecycleUrl: settings.lifecycleUrl,
};

function setup(graphKnows = true) {
  let row: LibrarySubscription | null = stored;
  const calls: string[] = [];
  const deps = {
    clock: { now: () => now },
    store: {
      loadSubscription: () => Promise.resolve(row),
      saveSubscription: (s: LibrarySubscription) => ((row = s), Promise.resolve()),
    },
    subscriptions: {
      create: (request: { notificationUrl: string; lifecycleNotificationUrl?: string; expiresAt: string }) => (
        calls.push(`create ${request.notificationUrl} ${request.lifecycleNotificationUrl} ${request.expiresAt}`),
        Promise.resolve({ id: 'sub-2', expiresAt: request.expiresAt, lifecycleUrl: request.lifecycleNotificationUrl })
      ),
      renew: (id: string, expiresAt: string) => (
        calls.push(`renew ${id} ${expiresAt}`),
        Promise.resolve(graphKnows ? { id, expiresAt } : null)
      ),
    },
    triggerSync: (reason: string) => (calls.push(`sync ${reason}`), Promise.resolve()),
  };
  return { deps, calls, row: () => row };
}

describe('Graph lifecycle notifications for the library subscription', () => {
  it('renews the subscription on reauthorizationRequired (PATCH reauthorizes) and keeps its lifecycle URL', async () => {
    const t = setup();
    const outcome = await handleLifecycleNotifications(
      t.deps,
      settings,
      [{ subscriptionId: 'sub-1', lifecycleEvent: 'reauthorizationRequired' }],
      silentLog,
    );
    expect(outcome).toEqual({ renewed: true, recreated: false, synced: false, ignored: 0 });
    expect(t.calls).toEqual(['renew sub-1 2026-03-07T12:00:00.000Z']);
    expect(t.row()).toEqual({ ...stored, expiresAt: '2026-03-07T12:00:00.000Z' });
  });

  it('creates a new subscription and syncs when Graph no longer knows the one to reauthorize', async () => {
    const t = setup(false);
    const outcome = await handleLifecycleNotifications(
      t.deps,
      settings,
      [{ subscriptionId: 'sub-1', lifecycleEvent: 'reauthorizationRequired' }],
      silentLog,
    );
    expect(outcome).toMatchObject({ renewed: false, recreated: true, synced: true });
    expect(t.row()?.id).toBe('sub-2');
  });

  it('recreates the subscription with the lifecycle URL and then runs the delta sync on subscriptionRemoved', async () => {
    const t = setup();
    const outcome = await handleLifecycleNotifications(
      t.deps,
      settings,
      [{ subscriptionId: 'sub-1', lifecycleEvent: 'subscriptionRemoved' }],
      silentLog,
    );
    expect(outcome).toEqual({ renewed: false, recreated: true, synced: true, ignored: 0 });
    expect(t.calls).toEqual([
      `create ${settings.url} ${settings.lifecycleUrl} 2026-03-07T12:00:00.000Z`,
      'sync graph lifecycle subscriptionRemoved sub-1',
    ]);
    expect(t.row()).toEqual({ id: 'sub-2', expiresAt: '2026-03-07T12:00:00.000Z', lifecycleUrl: settings.lifecycleUrl });
  });

  it('runs the delta sync once on missed, without touching the subscription', async () => {
    const t = setup();
    const outcome = await handleLifecycleNotifications(
      t.deps,
      settings,
      [
        { subscriptionId: 'sub-1', lifecycleEvent: 'missed' },
        { subscriptionId: 'sub-1', lifecycleEvent: 'missed' },
      ],
      silentLog,
    );
    expect(outcome).toEqual({ renewed: false, recreated: false, synced: true, ignored: 0 });
    expect(t.calls).toEqual(['sync graph lifecycle missed sub-1']);
    expect(t.row()).toBe(stored);
  });

  it('ignores other subscription ids and unknown events, and does nothing without a stored subscription', async () => {
    const t = setup();
    const outcome = await handleLifecycleNotifications(
      t.deps,
      settings,
      [
        { subscriptionId: 'sub-old', lifecycleEvent: 'subscriptionRemoved' },
        { lifecycleEvent: 'missed' },
        { subscriptionId: 'sub-1', lifecycleEvent: 'somethingNew' },
      ],
      silentLog,
    );
    expect(outcome).toEqual({ renewed: false, recreated: false, synced: false, ignored: 3 });
    expect(t.calls).toEqual([]);

    const empty = setup();
    await empty.deps.store.saveSubscription(null as unknown as LibrarySubscription);
    expect(
      await handleLifecycleNotifications(
        empty.deps,
        settings,
        [{ subscriptionId: 'sub-1', lifecycleEvent: 'missed' }],
        silentLog,
      ),
    ).toMatchObject({ synced: false, ignored: 1 });
    expect(empty.calls).toEqual([]);
  });
});
