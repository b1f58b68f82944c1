import { requireSecretUnlessPublic, type AuthenticatedClient } from '../apps';
import type { IdentityContext } from '../identity-context';
import { issueUserTokens, type TokenResponseBody } from '../issue-tokens';
import { oauthErrors } from '../oauth-error';
import { grantedDelegatedScopes, parseDelegatedScopes } from '../scopes';
import { required, unwrap } from './authorization-code';

/** refresh_token: rotating (each refresh token works once), bound to its client and user; may switch resource. */
export async function refreshTokenGrant(
  ctx: IdentityContext,
  form: URLSearchParams,
  client: AuthenticatedClient,
): Promise<TokenResponseBody> {
  requireSecretUnlessPublic(client);
  const token = required(form, 'refresh_token');
  const redemption = await ctx.grants.redeemRefreshToken(token, (grant) => {
    if (grant.clientId !== client.app.clientId)
      throw oauthErrors.invalidRefreshToken('The refresh token was issued to another application.');
  });
  if (redemption.kind === 'already-redeemed') throw oauthErrors.invalidRefreshToken('The refresh token has already been used.');
  const grant = unwrap(redemption, () => oauthErrors.invalidRefreshToken('The refresh token is unknown.'));
  const user = await ctx.directory.findUser(grant.userId);
  if (!user) throw oauthErrors.userNotFound();
  const scopes = parseDelegatedScopes(form.get('scope') ?? grant.scope, ctx.tenantId);
  return issueUserTokens(ctx, {
    client,
    user,
    scopes,
    granted: grantedDelegatedScopes(scopes, client.app),
    ...(grant.sessionId ? { sessionId: grant.sessionId } : {}),
    authTime: grant.authTime,
    alwaysRefresh: true,
  });
}
