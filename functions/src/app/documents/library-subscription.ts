import { createHash, timingSafeEqual } from 'node:crypto';
import type { LibrarySubscription, LibrarySubscriptions, LibrarySubscriptionStore } from '../../ports/document-changes';
import type { Clock } from '../../ports/event-log';
import type { Logger } from '../../ports/logger';

/** A subscription lives 2 days (well under Graph's limit for drive items) and is renewed when less than 1 is left. */
export const subscriptionLifetimeMs = 2 * 24 * 60 * 60_000;
export const renewWithinMs = 24 * 60 * 60_000;

/** The subscription settings: where Graph posts change notifications (and lifecycle ones), and the secret. */
export interface LibrarySubscriptionSettings {
  url: string;
  clientState: string;
  lifecycleUrl?: string;
}

/**
 * Keeps one Graph subscription on the library (ADR 0017): nothing when the stored one has more than a day
 * left; renewed (PATCH) when less; created anew when there is none or Graph no longer knows it. A stored one
 * without the configured lifecycle URL is replaced (Graph cannot add one by PATCH); the old one simply expires.
 */
export async function keepLibrarySubscription(
  deps: { subscriptions: LibrarySubscriptions; store: LibrarySubscriptionStore; clock: Clock },
  settings: LibrarySubscriptionSettings,
  log: Logger,
): Promise<'kept' | 'renewed' | 'created'> {
  const now = deps.clock.now().getTime();
  const expiresAt = new Date(now + subscriptionLifetimeMs).toISOString();
  const stored = await deps.store.loadSubscription();
  const current = stored && (settings.lifecycleUrl ?? '') === (stored.lifecycleUrl ?? '') ? stored : null;
  if (stored && !current)
    log.info('replacing the library subscription to receive lifecycle notifications', { subscriptionId: stored.id });
  if (current && Date.parse(current.expiresAt) - now > renewWithinMs) return 'kept';
  if (current) {
    const renewed = await renewSubscription(deps, current, expiresAt);
    if (renewed) return 'renewed';
    log.warn('Graph no longer knows the library subscription; creating a new one', { subscriptionId: current.id });
  }
  await createLibrarySubscription(deps, settings, expiresAt);
  return 'created';
}

/** PATCH a new expiry (which also reauthorizes it) and store it; null when Graph no longer knows it. */
export async function renewSubscription(
  deps: { subscriptions: LibrarySubscriptions; store: LibrarySubscriptionStore },
  current: LibrarySubscription,
  expiresAt: string,
): Promise<LibrarySubscription | null> {
  const renewed = await deps.subscriptions.renew(current.id, expiresAt);
  if (!renewed) return null;
  const kept = { ...renewed, ...(current.lifecycleUrl ? { lifecycleUrl: current.lifecycleUrl } : {}) };
  await deps.store.saveSubscription(kept);
  return kept;
}

/** A new subscription (with the lifecycle URL when configured), stored as the one the timer keeps. */
export async function createLibrarySubscription(
  deps: { subscriptions: LibrarySubscriptions; store: LibrarySubscriptionStore },
  settings: LibrarySubscriptionSettings,
  expiresAt: string,
): Promise<LibrarySubscription> {
  const created = await deps.subscriptions.create({
    notificationUrl: settings.url,
    clientState: settings.clientState,
    expiresAt,
    ...(settings.lifecycleUrl ? { lifecycleNotificationUrl: settings.lifecycleUrl } : {}),
  });
  await deps.store.saveSubscription(created);
  return created;
}

/** Does a notification's clientState equal the secret? Constant time: both are compared as SHA-256 digests. */
export function clientStateMatches(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}
