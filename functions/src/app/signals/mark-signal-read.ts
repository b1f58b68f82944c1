import { DomainError } from '../../domain/errors';
import type { UserPrincipal } from '../../domain/principal';
import type { Clock } from '../../ports/event-log';
import type { SignalInbox, SignalInboxEntry } from '../../ports/signals';
import { recipientsOf } from './list-my-signals';

export const signalNotFound = (id: string) =>
  new DomainError('not-found', 'signal.not-found', `There is no signal ${id} for you`);

/**
 * Marks one of the user's signals read (for them only: a group's signal stays unread for the other
 * members). Marking it again keeps the first time. 404 for a signal that is not theirs.
 */
export async function markSignalRead(
  deps: { signalInbox: Pick<SignalInbox, 'find' | 'markRead'>; clock: Clock },
  user: UserPrincipal,
  signalId: string,
): Promise<SignalInboxEntry> {
  const found = await deps.signalInbox.find(user.oid, recipientsOf(user), signalId);
  if (!found) throw signalNotFound(signalId);
  const readAt = found.readAt ?? (await deps.signalInbox.markRead(user.oid, signalId, deps.clock.now().toISOString()));
  return { ...found, readAt };
}
