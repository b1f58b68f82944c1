import { createHash, randomBytes } from 'node:crypto';
import type { JWTPayload } from 'jose';

export const accessTokenLifetimeSeconds = 3600;

/** The user facts that go into tokens. */
export interface TokenUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  givenName?: string;
  surname?: string;
}

interface Common {
  issuer: string;
  tenantId: string;
  /** Seconds since the epoch. */
  now: number;
  lifetimeSeconds?: number;
}

export interface UserAccessTokenInput extends Common {
  audience: string;
  user: TokenUser;
  /** The client the token was issued to (`azp`). */
  clientId: string;
  /** The client proved itself with a secret (azpacr 1) rather than being a public client (0). */
  clientAuthenticated: boolean;
  scopes: readonly string[];
  roles?: readonly string[];
  groups?: readonly string[];
  sessionId?: string;
  /** Graph tokens (v1-shaped in Entra) carry `upn`; v2 API tokens do not by default. */
  includeUpn?: boolean;
}

export interface AppAccessTokenInput extends Common {
  audience: string;
  clientId: string;
  servicePrincipalId: string;
  roles: readonly string[];
}

export interface IdTokenInput extends Common {
  clientId: string;
  user: TokenUser;
  nonce?: string;
  sessionId?: string;
  authTime?: number;
}

/**
 * Entra's `sub` is pairwise: the same user has a different, stable subject per application, so it
 * cannot be used to correlate users across apps (`oid` is the id to use).
 */
export function pairwiseSubject(objectId: string, appId: string): string {
  return createHash('sha256').update(`${objectId}|${appId}`).digest('base64url').slice(0, 43);
}

/** MSAL's `client_info`: base64url JSON with the home account (`uid` = oid, `utid` = tenant id). */
export function clientInfo(objectId: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: objectId, utid: tenantId })).toString('base64url');
}

/** A delegated (user) access token shaped like an Entra v2 token. */
export function userAccessTokenClaims(input: UserAccessTokenInput): JWTPayload {
  const claims: JWTPayload = {
    ...timeClaims(input),
    aud: input.audience,
    iss: input.issuer,
    aio: opaque(),
    azp: input.clientId,
    azpacr: input.clientAuthenticated ? '1' : '0',
    idtyp: 'user',
    name: input.user.displayName,
    oid: input.user.id,
    preferred_username: input.user.userPrincipalName,
    rh: opaque(),
    scp: input.scopes.join(' '),
    sub: pairwiseSubject(input.user.id, input.audience),
    tid: input.tenantId,
    uti: opaque(16),
    ver: '2.0',
  };
  if (input.roles?.length) claims.roles = [...input.roles];
  if (input.groups?.length) claims.groups = [...input.groups];
  if (input.sessionId) claims.sid = input.sessionId;
  if (input.includeUpn) claims.upn = input.user.userPrincipalName;
  return claims;
}

/** An app-only access token (client credentials): `roles`, no `scp`, `idtyp: app`, `oid` = `sub` = service principal. */
export function appAccessTokenClaims(input: AppAccessTokenInput): JWTPayload {
  const claims: JWTPayload = {
    ...timeClaims(input),
    aud: input.audience,
    iss: input.issuer,
    aio: opaque(),
    azp: input.clientId,
    azpacr: '1',
    appid: input.clientId,
    idtyp: 'app',
    oid: input.servicePrincipalId,
    rh: opaque(),
    sub: input.servicePrincipalId,
    tid: input.tenantId,
    uti: opaque(16),
    ver: '2.0',
  };
  if (input.roles.length) claims.roles = [...input.roles];
  return claims;
}

/** An OpenID Connect ID token for the client (`aud` = client id). */
export function idTokenClaims(input: IdTokenInput): JWTPayload {
  const claims: JWTPayload = {
    ...timeClaims(input),
    aud: input.clientId,
    iss: input.issuer,
    name: input.user.displayName,
    oid: input.user.id,
    preferred_username: input.user.userPrincipalName,
    email: input.user.userPrincipalName,
    rh: opaque(),
    sub: pairwiseSubject(input.user.id, input.clientId),
    tid: input.tenantId,
    uti: opaque(16),
    ver: '2.0',
  };
  if (input.user.givenName) claims.given_name = input.user.givenName;
  if (input.user.surname) claims.family_name = input.user.surname;
  if (input.nonce) claims.nonce = input.nonce;
  if (input.sessionId) claims.sid = input.sessionId;
  if (input.authTime) claims.auth_time = input.authTime;
  return claims;
}

function timeClaims({ now, lifetimeSeconds = accessTokenLifetimeSeconds }: Common): { iat: number; nbf: number; exp: number } {
  return { iat: now, nbf: now, exp: now + lifetimeSeconds };
}

/** Random opaque values where Entra has them (aio, rh, uti); nothing should read them. */
function opaque(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
