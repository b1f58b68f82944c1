import { createHash, timingSafeEqual } from 'node:crypto';
import type { LibrarySubscriptions, LibrarySubscriptionStore } from '../../ports/document-changes';
import type { Clock } from '../../ports/event-log';
import type { Logger } from '../../ports/logger';

/** A subscription lives 2 days (well under Graph's limit for drive items) and is renewed when less than 1 is left. */
export const subscriptionLifetimeMs = 2 * 24 * 60 * 60_000;
export const renewWithinMs = 24 * 60 * 60_000;

/**
 * Keeps one Graph subscription on the library (ADR 0017): nothing when the stored one has more than a day
 * left; renewed (PATCH) when less; created anew when there is none or Graph no longer knows it.
 */
export async function keepLibrarySubscription(
  deps: { subscriptions: LibrarySubscriptions; store: LibrarySubscriptionStore; clock: Clock },
  settings: { url: string; clientState: string },
  log: Logger,
): Promise<'kept' | 'renewed' | 'created'> {
  const now = deps.clock.now().getTime();
  const expiresAt = new Date(now + subscriptionLifetimeMs).toISOString();
  const stored = await deps.store.loadSubscription();
  if (stored && Date.parse(stored.expiresAt) - now > renewWithinMs) return 'kept';
  if (stored) {
    const renewed = await deps.subscriptions.renew(stored.id, expiresAt);
    if (renewed) {
      await deps.store.saveSubscription(renewed);
      return 'renewed';
    }
    log.warn('Graph no longer knows the library subscription; creating a new one', { subscriptionId: stored.id });
  }
  const created = await deps.subscriptions.create({
    notificationUrl: settings.url,
    clientState: settings.clientState,
    expiresAt,
  });
  await deps.store.saveSubscription(created);
  return 'created';
}

/** Does a notification's clientState equal the secret? Constant time: both are compared as SHA-256 digests. */
export function clientStateMatches(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}
