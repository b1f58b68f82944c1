import { requireConfidential, type AuthenticatedClient } from '../apps';
import type { IdentityContext } from '../identity-context';
import { issueAppToken, type TokenResponseBody } from '../issue-tokens';
import { parseAppScope } from '../scopes';

/** client_credentials: an app-only token for `<resource>/.default`, carrying the app roles granted to the client. */
export async function clientCredentialsGrant(
  ctx: IdentityContext,
  form: URLSearchParams,
  client: AuthenticatedClient,
): Promise<TokenResponseBody> {
  requireConfidential(client);
  return issueAppToken(ctx, client, parseAppScope(form.get('scope'), ctx.tenantId));
}
