import type { IncomingMessage } from 'node:http';
import { decodeJwt, errors as joseErrors } from 'jose';
import { graphAudience } from '../oidc/scopes';
import type { TokenService } from '../tokens/token-service';
import { GraphError, graphErrors } from './errors';

/** Who calls Graph: a user through an app (delegated, `scp`) or an app on its own (`roles`). */
export interface GraphCaller {
  kind: 'user' | 'app';
  /** The user's object id, or the app's service principal id. */
  objectId: string;
  appId: string;
  displayName: string;
  scopes: ReadonlySet<string>;
  roles: ReadonlySet<string>;
}

/**
 * Validates the bearer token as Graph does: our signature, our issuer, audience Graph, within its lifetime.
 * Graph tokens here carry the local issuer (`<authority>/v2.0`), not `https://sts.windows.net/<tid>/`.
 */
export async function authenticateGraphCaller(
  req: IncomingMessage,
  tokens: TokenService,
  authorizeUrl: string,
): Promise<GraphCaller> {
  const challenge = `Bearer realm="", authorization_uri="${authorizeUrl}", client_id="00000003-0000-0000-c000-000000000000"`;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw graphErrors.unauthenticated('Access token is empty.', challenge);
  try {
    decodeJwt(match[1]);
  } catch {
    throw graphErrors.unauthenticated('IDX14100: JWT is not well formed, there are no dots (.).', challenge);
  }
  try {
    const claims = await tokens.verify(match[1], graphAudience);
    const isApp = claims.idtyp === 'app' || typeof claims.scp !== 'string';
    return {
      kind: isApp ? 'app' : 'user',
      objectId: String(claims.oid),
      appId: String(claims.azp ?? claims.appid ?? ''),
      displayName: String(claims.name ?? claims.azp ?? ''),
      scopes: new Set(typeof claims.scp === 'string' ? claims.scp.split(' ') : []),
      roles: new Set(Array.isArray(claims.roles) ? claims.roles.map(String) : []),
    };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired)
      throw graphErrors.unauthenticated('Lifetime validation failed, the token is expired.', challenge);
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud')
      throw graphErrors.unauthenticated('Invalid audience.', challenge);
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'iss')
      throw graphErrors.unauthenticated('Invalid issuer.', challenge);
    if (error instanceof GraphError) throw error;
    throw graphErrors.unauthenticated('Signature is invalid.', challenge);
  }
}

/** A permission rule: any of the delegated scopes (user callers) or any of the app roles (app callers). */
export interface PermissionRule {
  delegated: readonly string[];
  application: readonly string[];
}

export function hasPermission(caller: GraphCaller, rule: PermissionRule): boolean {
  return caller.kind === 'user'
    ? rule.delegated.some((s) => caller.scopes.has(s))
    : rule.application.some((r) => caller.roles.has(r));
}

export const permissions = {
  readUsers: {
    delegated: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
    application: ['User.Read.All', 'Directory.Read.All'],
  },
  readMe: { delegated: ['User.Read', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'], application: [] },
  readGroups: {
    delegated: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
    application: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
  },
  readMyGroups: { delegated: ['User.Read', 'GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'], application: [] },
  readFiles: {
    delegated: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
    application: ['Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', 'Sites.ReadWrite.All'],
  },
  readApplications: {
    delegated: ['Application.Read.All', 'Directory.Read.All'],
    application: ['Application.Read.All', 'Directory.Read.All'],
  },
  writeFiles: {
    delegated: ['Files.ReadWrite.All', 'Sites.ReadWrite.All'],
    application: ['Files.ReadWrite.All', 'Sites.ReadWrite.All'],
  },
} as const satisfies Record<string, PermissionRule>;

export function requirePermission(
  caller: GraphCaller,
  rule: PermissionRule,
  denied: () => GraphError = graphErrors.directoryDenied,
): void {
  if (!hasPermission(caller, rule)) throw denied();
}
