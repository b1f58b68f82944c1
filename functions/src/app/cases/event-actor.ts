import type { EventActor, EventChannel } from '../../domain/events';
import type { UserPrincipal } from '../../domain/principal';

/** The bot acts for a user: the bot is the actor, the user whom it acted for is recorded too. */
export function actorOf(principal: UserPrincipal): { actor: EventActor; onBehalfOf?: { id: string; name: string } } {
  const user = { id: principal.oid, name: principal.name };
  if (principal.via === 'bot' && principal.actingAppId) {
    return { actor: { id: principal.actingAppId, name: 'Zaakwerk bot', kind: 'app' }, onBehalfOf: user };
  }
  return { actor: { ...user, kind: 'user' } };
}

/** The channel a change came through when the request does not name one. */
export const defaultChannelOf = (principal: UserPrincipal): EventChannel => (principal.via === 'bot' ? 'bot' : 'api');
