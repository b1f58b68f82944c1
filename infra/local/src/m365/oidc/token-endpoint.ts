import { randomUUID } from 'node:crypto';
import { readForm } from '../http/body';
import { applyCors } from '../http/cors';
import { sendJson } from '../http/respond';
import type { Exchange } from '../http/router';
import { authenticateClient, type AuthenticatedClient } from './apps';
import { authorizationCodeGrant } from './grants/authorization-code';
import { clientCredentialsGrant } from './grants/client-credentials';
import { jwtBearerGrantType, onBehalfOfGrant } from './grants/on-behalf-of';
import { passwordGrant } from './grants/password';
import { refreshTokenGrant } from './grants/refresh-token';
import type { IdentityContext } from './identity-context';
import type { TokenResponseBody } from './issue-tokens';
import { OAuthError, oauthErrorBody, oauthErrors } from './oauth-error';

type Grant = (ctx: IdentityContext, form: URLSearchParams, client: AuthenticatedClient) => Promise<TokenResponseBody>;

const grants: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  password: passwordGrant,
  client_credentials: clientCredentialsGrant,
  [jwtBearerGrantType]: onBehalfOfGrant,
};

/** POST /{tenant}/oauth2/v2.0/token (application/x-www-form-urlencoded), answering like Entra v2. */
export async function handleToken(ctx: IdentityContext, ex: Exchange): Promise<void> {
  applyCors(ex.req, ex.res);
  const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
  try {
    if (ex.params.tenant !== ctx.tenantId) throw oauthErrors.unknownTenant(ex.params.tenant ?? '');
    const form = await readForm(ex.req);
    const grantType = form.get('grant_type');
    if (!grantType) throw oauthErrors.missingParameter('grant_type');
    const grant = grants[grantType];
    if (!grant) throw oauthErrors.unsupportedGrantType(grantType);
    const client = authenticateClient(form, ex.req.headers.authorization, ctx.tenantId);
    sendJson(ex.res, 200, await grant(ctx, form, client), noStore);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    const correlationId = headerValue(ex.req.headers['client-request-id']) ?? randomUUID();
    sendJson(ex.res, error.status, oauthErrorBody(error, { traceId: ex.requestId, correlationId }), noStore);
  }
}

const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
