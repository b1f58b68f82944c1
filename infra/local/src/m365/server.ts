import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError } from './http/body';
import { answerPreflight, applyCors } from './http/cors';
import { sendJson } from './http/respond';
import { createRouter, type Exchange, type Handler } from './http/router';
import type { SigningKeys } from './keys';
import { handleAuthorize, handleLogin } from './oidc/authorize-endpoint';
import { discoveryDocument } from './oidc/discovery';
import type { IdentityContext } from './oidc/identity-context';
import { handleLogout } from './oidc/logout-endpoint';
import { oauthErrorBody, oauthErrors } from './oidc/oauth-error';
import { handleToken } from './oidc/token-endpoint';
import { downloadPath } from './graph/download-links';
import { uploadSessionPath } from './graph/upload-sessions';

export interface ServerParts {
  identity: IdentityContext;
  keys: SigningKeys;
  graph: Handler;
  download: Handler;
  /** Upload-session URLs (fragments, status, cancel). */
  upload: Handler;
  local: Handler;
  log?: (line: string) => void;
}

const allMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The one request listener: Entra-like identity routes, Graph, the download links and /_local controls. */
export function createRequestListener(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  const { identity } = parts;
  const router = createRouter()
    .on(['GET', 'OPTIONS'], '/{tenant}/v2.0/.well-known/openid-configuration', (ex) =>
      publicJson(ex, identity, () => discoveryDocument(identity.urls)),
    )
    .on(['GET', 'OPTIONS'], '/{tenant}/discovery/v2.0/keys', (ex) => publicJson(ex, identity, () => parts.keys.jwks))
    .on('GET', '/{tenant}/oauth2/v2.0/authorize', (ex) => handleAuthorize(identity, ex))
    .on('POST', '/{tenant}/oauth2/v2.0/authorize/login', (ex) => handleLogin(identity, ex))
    .on('POST', '/{tenant}/oauth2/v2.0/token', (ex) => handleToken(identity, ex))
    .on('OPTIONS', '/{tenant}/oauth2/v2.0/token', (ex) => answerPreflight(ex.req, ex.res, 'POST'))
    .on('GET', '/{tenant}/oauth2/v2.0/logout', (ex) => handleLogout(identity, ex))
    .on(allMethods, '/graph/{*rest}', parts.graph)
    .on(['GET', 'HEAD'], downloadPath, parts.download)
    .on(['GET', 'PUT', 'DELETE'], `${uploadSessionPath}/{id}`, parts.upload)
    .on(allMethods, '/_local/{*rest}', parts.local);

  return (req, res) => {
    const started = Date.now();
    const requestId = randomUUID();
    const clientRequestId = headerValue(req.headers['client-request-id']) ?? requestId;
    res.setHeader('request-id', requestId);
    res.setHeader('client-request-id', clientRequestId);
    res.once('finish', () => {
      // Readiness polling would drown everything else; a failing health check is still logged.
      if (req.url === '/_local/health' && res.statusCode === 200) return;
      parts.log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`);
    });
    const url = new URL(req.url ?? '/', identity.urls.base);
    const match = router.match(req.method ?? 'GET', url.pathname);
    const exchange: Exchange = { req, res, url, params: match.kind === 'found' ? match.params : {}, requestId };
    const run = async (): Promise<void> => {
      if (match.kind === 'not-found') return sendJson(res, 404, { error: 'not_found', message: `Nothing at ${url.pathname}.` });
      if (match.kind === 'method-not-allowed')
        return sendJson(
          res,
          405,
          { error: 'method_not_allowed', message: `Use ${match.allowed.join(', ')}.` },
          { Allow: match.allowed.join(', ') },
        );
      await match.handler(exchange);
    };
    run().catch((error: unknown) => {
      if (res.headersSent) {
        parts.log?.(`error after response started: ${(error as Error).stack ?? String(error)}`);
        res.destroy();
        return;
      }
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'request_too_large', message: error.message });
      parts.log?.(`unexpected error: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, {
        error: 'server_error',
        message: 'The local Microsoft 365 failed to handle the request; see its log.',
      });
    });
  };
}

/** Discovery and JWKS: public, CORS-enabled JSON (single-page apps fetch them). */
function publicJson(ex: Exchange, identity: IdentityContext, body: () => unknown): void {
  if (ex.req.method === 'OPTIONS') return answerPreflight(ex.req, ex.res, 'GET');
  applyCors(ex.req, ex.res);
  if (ex.params.tenant !== identity.tenantId) {
    const error = oauthErrors.unknownTenant(ex.params.tenant ?? '');
    return sendJson(ex.res, 400, oauthErrorBody(error, { traceId: ex.requestId, correlationId: ex.requestId }));
  }
  sendJson(ex.res, 200, body(), { 'Cache-Control': 'max-age=300, private' });
}

const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
