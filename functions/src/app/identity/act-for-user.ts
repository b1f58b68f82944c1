import { forbidden, invalidInput } from '../errors';
import type { Principal, UserPrincipal } from '../../domain/principal';
import { appRoleValues, globalRolesFromAppRoles } from '../../domain/roles';
import type { UserDirectory } from '../../ports/user-directory';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bot acts for the user who talks to it: the API accepts that only from the bot's own app identity
 * holding the act-as-user role, and takes the user's name, groups and roles from the directory, never
 * from the caller.
 */
export async function actForUser(
  caller: Principal,
  actingUserOid: string,
  deps: { botClientId: string; directory: UserDirectory },
): Promise<UserPrincipal> {
  if (caller.kind !== 'app' || caller.appId !== deps.botClientId || !caller.roles.includes(appRoleValues.botActAsUser)) {
    throw forbidden('auth.acting-user-not-allowed', 'Only the Zaakwerk bot may act for a user.');
  }
  if (!guid.test(actingUserOid)) {
    throw invalidInput([
      { path: 'headers.x-zaakwerk-acting-user', code: 'invalid_format', message: 'must be an Entra object id (GUID)' },
    ]);
  }
  const user = await deps.directory.findUser(actingUserOid);
  if (!user) throw forbidden('auth.acting-user-unknown', 'The user to act for is not known in this tenant.');
  return {
    kind: 'user',
    oid: user.id,
    tid: caller.tid,
    name: user.displayName,
    upn: user.userPrincipalName,
    email: user.mail,
    roles: globalRolesFromAppRoles(user.appRoles),
    groups: user.groupIds,
    via: 'bot',
    actingAppId: caller.appId,
  };
}
