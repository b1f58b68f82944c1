import type { JWTPayload } from 'jose';
import { unauthenticated } from '../../app/errors';
import type { AppPrincipal, Principal, UserPrincipal } from '../../domain/principal';
import { globalRolesFromAppRoles } from '../../domain/roles';

export const userScope = 'access_as_user';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Turns verified Entra v2 claims into a principal. Delegated tokens (with `scp`) must carry our
 * scope; app-only tokens (no `scp`, `idtyp: app`) must carry at least one app role.
 */
export function principalFromClaims(claims: JWTPayload): Principal {
  const tid = text(claims.tid) ?? '';
  const scp = text(claims.scp);
  const roles = strings(claims.roles);
  if (scp === undefined || claims.idtyp === 'app') {
    if (scp !== undefined) throw unauthenticated('auth.invalid-token', 'The access token is not valid.');
    const appId = text(claims.azp) ?? text(claims.appid);
    if (!appId) throw unauthenticated('auth.invalid-token', 'The access token is not valid.');
    if (roles.length === 0) throw unauthenticated('auth.missing-scope', 'The application has no app role for this API.');
    const app: AppPrincipal = { kind: 'app', appId, tid, roles };
    return app;
  }
  if (!scp.split(' ').includes(userScope)) {
    throw unauthenticated('auth.missing-scope', `The access token lacks the ${userScope} scope for this API.`);
  }
  const oid = text(claims.oid);
  if (!oid) throw unauthenticated('auth.invalid-token', 'The access token is not valid.');
  const upn = text(claims.preferred_username) ?? text(claims.upn) ?? '';
  const user: UserPrincipal = {
    kind: 'user',
    oid,
    tid,
    name: text(claims.name) ?? upn,
    upn,
    email: text(claims.email) ?? null,
    roles: globalRolesFromAppRoles(roles),
    groups: strings(claims.groups),
  };
  if (hasGroupsOverage(claims)) user.groupsOverage = true;
  return user;
}

/** Entra leaves `groups` out when a user is in too many, saying so in `_claim_names` or `hasgroups`. */
function hasGroupsOverage(claims: JWTPayload): boolean {
  const names = claims._claim_names;
  const inNames = typeof names === 'object' && names !== null && 'groups' in names;
  return inNames || claims.hasgroups === true || claims.hasgroups === 'true';
}
