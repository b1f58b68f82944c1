import type { LibrarySubscriptions, LibrarySubscriptionStore } from '../../ports/document-changes';
import type { Clock } from '../../ports/event-log';
import type { Logger } from '../../ports/logger';
import {
  createLibrarySubscription,
  renewSubscription,
  subscriptionLifetimeMs,
  type LibrarySubscriptionSettings,
} from './library-subscription';

/** One lifecycle notification from Graph, its clientState already checked by the caller. */
export interface LifecycleNotification {
  subscriptionId?: string | undefined;
  lifecycleEvent?: string | undefined;
}

/** What handling a batch did. */
export interface LifecycleOutcome {
  /** reauthorizationRequired: the subscription was renewed (PATCH reauthorizes and extends it). */
  renewed: boolean;
  /** subscriptionRemoved (or Graph no longer knew it when reauthorizing): a new subscription was made. */
  recreated: boolean;
  /** A delta sync was asked for (missed, or after recreating) so no change is lost. */
  synced: boolean;
  /** Notifications about another subscription, or with an event Zaakwerk does not know. */
  ignored: number;
}

/**
 * Graph lifecycle notifications for the library subscription (ADR 0017). Only notifications about the
 * subscription the timer keeps count; the rest are logged and ignored (an old subscription still expiring,
 * or a forged id). reauthorizationRequired renews it; subscriptionRemoved makes a new one; both missed and a
 * new subscription run the delta sync, which reads from the stored link, so changes in between are not lost.
 * Unknown events are ignored, as Graph asks (it will add more).
 */
export async function handleLifecycleNotifications(
  deps: {
    subscriptions: LibrarySubscriptions;
    store: LibrarySubscriptionStore;
    clock: Clock;
    triggerSync: (reason: string) => Promise<void>;
  },
  settings: LibrarySubscriptionSettings,
  notifications: readonly LifecycleNotification[],
  log: Logger,
): Promise<LifecycleOutcome> {
  const outcome: LifecycleOutcome = { renewed: false, recreated: false, synced: false, ignored: 0 };
  const stored = await deps.store.loadSubscription();
  const events = new Set<string>();
  for (const notification of notifications) {
    const event = notification.lifecycleEvent ?? '';
    if (!stored || notification.subscriptionId !== stored.id || !knownEvents.has(event)) {
      outcome.ignored += 1;
      log.warn('ignored a Graph lifecycle notification', {
        subscriptionId: notification.subscriptionId,
        lifecycleEvent: event,
      });
      continue;
    }
    events.add(event);
  }
  if (!stored || events.size === 0) return outcome;

  const expiresAt = new Date(deps.clock.now().getTime() + subscriptionLifetimeMs).toISOString();
  let recreate = events.has('subscriptionRemoved');
  if (!recreate && events.has('reauthorizationRequired')) {
    outcome.renewed = (await renewSubscription(deps, stored, expiresAt)) !== null;
    recreate = !outcome.renewed;
  }
  if (recreate) {
    const created = await createLibrarySubscription(deps, settings, expiresAt);
    outcome.recreated = true;
    log.info('recreated the library subscription after a lifecycle notification', {
      removed: stored.id,
      subscriptionId: created.id,
    });
  }
  if (recreate || events.has('missed')) {
    await deps.triggerSync(`graph lifecycle ${[...events].sort().join(',')} ${stored.id}`);
    outcome.synced = true;
  }
  return outcome;
}

const knownEvents = new Set(['reauthorizationRequired', 'subscriptionRemoved', 'missed']);
