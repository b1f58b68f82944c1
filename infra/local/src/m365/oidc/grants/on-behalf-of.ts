import { decodeJwt, errors as joseErrors, type JWTPayload } from 'jose';
import { requireConfidential, type AuthenticatedClient } from '../apps';
import type { IdentityContext } from '../identity-context';
import { issueUserTokens, type TokenResponseBody } from '../issue-tokens';
import { OAuthError, oauthErrors } from '../oauth-error';
import { grantedDelegatedScopes, parseDelegatedScopes } from '../scopes';
import { required } from './authorization-code';

export const jwtBearerGrantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * On-behalf-of: the API presents the user's token (audience = the API itself) and receives a token for
 * Graph for the same user, limited to the delegated permissions consented for the API app.
 */
export async function onBehalfOfGrant(
  ctx: IdentityContext,
  form: URLSearchParams,
  client: AuthenticatedClient,
): Promise<TokenResponseBody> {
  requireConfidential(client);
  if (required(form, 'requested_token_use') !== 'on_behalf_of') {
    throw new OAuthError('invalid_request', 900144, "The only supported requested_token_use is 'on_behalf_of'.");
  }
  const assertion = await verifyAssertion(ctx, required(form, 'assertion'), client);
  const user = await ctx.directory.findUser(String(assertion.oid));
  if (!user) throw oauthErrors.userNotFound();
  const scopes = parseDelegatedScopes(form.get('scope'), ctx.tenantId);
  if (scopes.resource.kind !== 'graph') {
    throw new OAuthError(
      'invalid_request',
      50013,
      'On-behalf-of must request a downstream resource (Microsoft Graph), not the API that presents the assertion.',
    );
  }
  const explicit = scopes.scopes.filter((s) => s !== '.default');
  if (explicit.some((s) => !client.app.graphDelegatedPermissions.includes(s)))
    throw oauthErrors.consentRequired(client.app.clientId, client.app.displayName);
  return issueUserTokens(ctx, { client, user, scopes, granted: grantedDelegatedScopes(scopes, client.app), authTime: ctx.now() });
}

async function verifyAssertion(ctx: IdentityContext, assertion: string, client: AuthenticatedClient): Promise<JWTPayload> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(assertion);
  } catch {
    throw new OAuthError('invalid_request', 50027, 'JWT token is invalid or malformed.');
  }
  const audiences = [client.app.clientId, ...(client.app.appIdUri ? [client.app.appIdUri] : [])];
  let payload: JWTPayload;
  try {
    payload = await ctx.tokens.verify(assertion, audiences);
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw oauthErrors.assertionExpired();
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud')
      throw oauthErrors.assertionAudience(String(unverified.aud), client.app.clientId);
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf') throw oauthErrors.assertionExpired();
    throw oauthErrors.invalidAssertion((error as Error).message);
  }
  if (payload.idtyp === 'app' || typeof payload.scp !== 'string')
    throw oauthErrors.invalidAssertion('The assertion is an app-only token; on-behalf-of needs a user token.');
  return payload;
}
