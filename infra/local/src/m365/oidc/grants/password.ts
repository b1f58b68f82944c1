import { requireSecretUnlessPublic, type AuthenticatedClient } from '../apps';
import type { IdentityContext } from '../identity-context';
import { issueUserTokens, type TokenResponseBody } from '../issue-tokens';
import { oauthErrors } from '../oauth-error';
import { grantedDelegatedScopes, parseDelegatedScopes } from '../scopes';
import { required } from './authorization-code';

/** password (ROPC): for test automation with the demo personas only; Entra discourages it for real apps. */
export async function passwordGrant(
  ctx: IdentityContext,
  form: URLSearchParams,
  client: AuthenticatedClient,
): Promise<TokenResponseBody> {
  requireSecretUnlessPublic(client);
  const username = required(form, 'username');
  const password = required(form, 'password');
  const scopes = parseDelegatedScopes(form.get('scope'), ctx.tenantId);
  const user = await ctx.directory.verifyPassword(username, password);
  if (!user) throw oauthErrors.badCredentials();
  return issueUserTokens(ctx, { client, user, scopes, granted: grantedDelegatedScopes(scopes, client.app), authTime: ctx.now() });
}
