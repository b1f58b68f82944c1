import type { DirectoryUser } from '../directory-store';
import {
  accessTokenLifetimeSeconds,
  appAccessTokenClaims,
  clientInfo,
  idTokenClaims,
  userAccessTokenClaims,
} from '../tokens/claims';
import type { AuthenticatedClient } from './apps';
import type { IdentityContext } from './identity-context';
import { grantedAppRoles, responseScope, type Resource, type ScopeRequest } from './scopes';

/** A successful token response, with the fields Entra v2 returns. */
export interface TokenResponseBody {
  token_type: 'Bearer';
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  id_token?: string;
  client_info?: string;
}

export interface UserTokenRequest {
  client: AuthenticatedClient;
  user: DirectoryUser;
  scopes: ScopeRequest;
  granted: string[];
  nonce?: string;
  sessionId?: string;
  authTime?: number;
  /** Refresh-token redemption always returns a new refresh token, even without offline_access. */
  alwaysRefresh?: boolean;
}

/** Issues access token, ID token (with openid) and refresh token (with offline_access) for a user. */
export async function issueUserTokens(ctx: IdentityContext, request: UserTokenRequest): Promise<TokenResponseBody> {
  const { client, user, scopes } = request;
  const now = ctx.now();
  const forApi = scopes.resource.kind === 'api';
  // Only the Zaakwerk API's tokens carry its app roles and the user's groups, as configured in Entra.
  const groups = forApi ? await ctx.directory.groupsOf(user.id) : [];
  const roles = [...new Set(groups.map((g) => g.appRole).filter(Boolean))];
  const accessToken = await ctx.tokens.sign(
    userAccessTokenClaims({
      issuer: ctx.urls.issuer,
      tenantId: ctx.tenantId,
      now,
      audience: scopes.resource.audience,
      user,
      clientId: client.app.clientId,
      clientAuthenticated: client.confidential,
      scopes: request.granted,
      roles,
      groups: groups.map((g) => g.id),
      includeUpn: !forApi,
      ...(request.sessionId ? { sessionId: request.sessionId } : {}),
    }),
  );
  const body: TokenResponseBody = {
    token_type: 'Bearer',
    scope: responseScope(scopes.resource, request.granted, scopes.oidc),
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: accessToken,
  };
  if (request.alwaysRefresh || scopes.oidc.includes('offline_access')) {
    const refresh = await ctx.grants.issueRefreshToken({
      clientId: client.app.clientId,
      userId: user.id,
      scope: scopes.raw,
      ...(request.sessionId ? { sessionId: request.sessionId } : {}),
      authTime: request.authTime ?? now,
      publicClient: !client.confidential,
    });
    body.refresh_token = refresh.token;
    if (!client.confidential) body.refresh_token_expires_in = refresh.expiresIn;
  }
  if (scopes.oidc.includes('openid')) {
    body.id_token = await ctx.tokens.sign(
      idTokenClaims({
        issuer: ctx.urls.issuer,
        tenantId: ctx.tenantId,
        now,
        clientId: client.app.clientId,
        user,
        ...(request.nonce ? { nonce: request.nonce } : {}),
        ...(request.sessionId ? { sessionId: request.sessionId } : {}),
        ...(request.authTime ? { authTime: request.authTime } : {}),
      }),
    );
  }
  body.client_info = clientInfo(user.id, ctx.tenantId);
  return body;
}

/** Issues an app-only access token (client credentials) with the app roles the client holds on the resource. */
export async function issueAppToken(
  ctx: IdentityContext,
  client: AuthenticatedClient,
  resource: Resource,
): Promise<TokenResponseBody> {
  const accessToken = await ctx.tokens.sign(
    appAccessTokenClaims({
      issuer: ctx.urls.issuer,
      tenantId: ctx.tenantId,
      now: ctx.now(),
      audience: resource.audience,
      clientId: client.app.clientId,
      servicePrincipalId: client.app.servicePrincipalId,
      roles: grantedAppRoles(resource, client.app),
    }),
  );
  return {
    token_type: 'Bearer',
    expires_in: accessTokenLifetimeSeconds,
    ext_expires_in: accessTokenLifetimeSeconds,
    access_token: accessToken,
  };
}
