import type { UserPrincipal } from '../../domain/principal';
import type { SignalInbox, SignalInboxEntry } from '../../ports/signals';

/** The inbox partitions a user reads: their own, and one per Entra group they are in. */
export const recipientsOf = (user: UserPrincipal): string[] => [
  `user:${user.oid}`,
  ...user.groups.map((group) => `group:${group}`),
];

/**
 * The signals for the signed-in user, newest first: the ones addressed to them (case or task assignee)
 * and to their groups (coordinators of an unassigned case, a task's group), with their own read marks.
 */
export function listMySignals(
  deps: { signalInbox: Pick<SignalInbox, 'list'> },
  user: UserPrincipal,
  page: { limit: number; cursor?: string },
): Promise<{ entries: SignalInboxEntry[]; nextCursor: string | null }> {
  return deps.signalInbox.list(user.oid, recipientsOf(user), page);
}
