import type { EventActor, EventChannel } from '../../domain/events';
import type { UserPrincipal } from '../../domain/principal';

/** A timer or command acting on its own (no user): recorded as a `system` actor on channel `system`. */
export interface SystemPrincipal {
  kind: 'system';
  id: string;
  name: string;
}

/** The bot acts for a user: the bot is the actor, the user whom it acted for is recorded too. */
export function actorOf(principal: UserPrincipal | SystemPrincipal): {
  actor: EventActor;
  onBehalfOf?: { id: string; name: string };
} {
  if (principal.kind === 'system') return { actor: { id: principal.id, name: principal.name, kind: 'system' } };
  const user = { id: principal.oid, name: principal.name };
  if (principal.via === 'bot' && principal.actingAppId) {
    return { actor: { id: principal.actingAppId, name: 'Zaakwerk bot', kind: 'app' }, onBehalfOf: user };
  }
  return { actor: { ...user, kind: 'user' } };
}

/** The channel a change came through when the request does not name one. */
export const defaultChannelOf = (principal: UserPrincipal | SystemPrincipal): EventChannel =>
  principal.kind === 'system' ? 'system' : principal.via === 'bot' ? 'bot' : 'api';
