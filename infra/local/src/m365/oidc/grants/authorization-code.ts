import { requireSecretUnlessPublic, type AuthenticatedClient } from '../apps';
import type { IdentityContext } from '../identity-context';
import { issueUserTokens, type TokenResponseBody } from '../issue-tokens';
import { oauthErrors, type OAuthError } from '../oauth-error';
import { verifyPkceS256 } from '../pkce';
import { grantedDelegatedScopes, parseDelegatedScopes } from '../scopes';
import type { Redemption } from '../../grant-store';

/** authorization_code: single-use code, bound to client and redirect URI, with its PKCE verifier. */
export async function authorizationCodeGrant(
  ctx: IdentityContext,
  form: URLSearchParams,
  client: AuthenticatedClient,
): Promise<TokenResponseBody> {
  requireSecretUnlessPublic(client);
  const code = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const verifier = required(form, 'code_verifier');
  const redemption = await ctx.grants.redeemCode(code, (grant) => {
    if (grant.clientId !== client.app.clientId) throw oauthErrors.invalidCode('The code was issued to another application.');
    if (grant.redirectUri !== redirectUri) throw oauthErrors.redirectUriMismatch(redirectUri);
    if (!verifyPkceS256(verifier, grant.codeChallenge)) throw oauthErrors.codeVerifierMismatch();
  });
  const grant = unwrap(redemption, () => oauthErrors.invalidCode('The code is unknown.'));
  const user = await ctx.directory.findUser(grant.userId);
  if (!user) throw oauthErrors.userNotFound();
  const scopes = parseDelegatedScopes(grant.scope, ctx.tenantId);
  return issueUserTokens(ctx, {
    client,
    user,
    scopes,
    granted: grantedDelegatedScopes(scopes, client.app),
    ...(grant.nonce ? { nonce: grant.nonce } : {}),
    ...(grant.sessionId ? { sessionId: grant.sessionId } : {}),
    authTime: grant.authTime,
  });
}

export function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (!value) throw oauthErrors.missingParameter(name);
  return value;
}

/** Turns a failed redemption into Entra's error for it. */
export function unwrap<T>(redemption: Redemption<T>, unknown: () => OAuthError): T {
  switch (redemption.kind) {
    case 'ok':
      return redemption.grant;
    case 'expired':
      throw oauthErrors.expiredGrant();
    case 'already-redeemed':
      throw oauthErrors.codeAlreadyRedeemed();
    default:
      throw unknown();
  }
}
