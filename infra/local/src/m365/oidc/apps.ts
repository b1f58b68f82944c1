import { timingSafeEqual } from 'node:crypto';
import { demoTenant } from '../demo-tenant';
import { OAuthError, oauthErrors } from './oauth-error';

/** An app registration of the demo tenant, reduced to what the identity endpoints need. */
export interface AppRegistration {
  clientId: string;
  displayName: string;
  secret: string;
  /** May redeem codes, refresh tokens and passwords without a secret (SPA / public client flows). */
  publicClient: boolean;
  /** Registered for sign-in redirects (the SPA platform of the API app). */
  acceptsRedirects: boolean;
  servicePrincipalId: string;
  /** Application ID URI, when the app exposes an API. */
  appIdUri?: string;
  /** App roles of the Zaakwerk API granted to this app. */
  apiAppRoles: readonly string[];
  graphAppPermissions: readonly string[];
  graphDelegatedPermissions: readonly string[];
}

export const appRegistrations: readonly AppRegistration[] = [
  {
    clientId: demoTenant.apiApp.clientId,
    displayName: demoTenant.apiApp.displayName,
    secret: demoTenant.apiApp.clientSecret,
    publicClient: true,
    acceptsRedirects: true,
    servicePrincipalId: demoTenant.apiApp.servicePrincipalId,
    appIdUri: demoTenant.apiApp.appIdUri,
    apiAppRoles: [],
    graphAppPermissions: demoTenant.apiApp.graphAppPermissions,
    graphDelegatedPermissions: demoTenant.apiApp.graphDelegatedPermissions,
  },
  {
    clientId: demoTenant.botApp.clientId,
    displayName: demoTenant.botApp.displayName,
    secret: demoTenant.botApp.clientSecret,
    publicClient: false,
    acceptsRedirects: false,
    servicePrincipalId: demoTenant.botApp.servicePrincipalId,
    apiAppRoles: demoTenant.botApp.apiAppRoles,
    graphAppPermissions: demoTenant.botApp.graphAppPermissions,
    graphDelegatedPermissions: [],
  },
];

export function findApp(clientId: string): AppRegistration | undefined {
  return appRegistrations.find((app) => app.clientId === clientId.toLowerCase());
}

export interface AuthenticatedClient {
  app: AppRegistration;
  /** True when the client proved itself with its secret (a confidential client). */
  confidential: boolean;
}

/**
 * Identifies the client of a token request: `client_secret_basic` (Authorization header) or
 * `client_secret_post` (form), or a public client that sends only its `client_id`.
 */
export function authenticateClient(
  form: URLSearchParams,
  authorization: string | undefined,
  tenantId: string,
): AuthenticatedClient {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const basicId = decodeURIComponent(decoded.slice(0, colon));
    if (clientId && clientId !== basicId)
      throw new OAuthError(
        'invalid_client',
        7000216,
        'The client_id in the body does not match the one in the Authorization header.',
        401,
      );
    clientId = basicId;
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (!clientId) throw oauthErrors.missingParameter('client_id');
  const app = findApp(clientId);
  if (!app) throw oauthErrors.unknownClient(clientId, tenantId);
  if (secret === undefined) return { app, confidential: false };
  if (!sameSecret(secret, app.secret)) throw oauthErrors.invalidClientSecret(app.clientId);
  return { app, confidential: true };
}

/** Confidential-only grants (client credentials, on-behalf-of) call this. */
export function requireConfidential(client: AuthenticatedClient): void {
  if (!client.confidential) throw oauthErrors.missingClientSecret();
}

/** Public-client grants: a confidential-only app must still present its secret. */
export function requireSecretUnlessPublic(client: AuthenticatedClient): void {
  if (!client.confidential && !client.app.publicClient) throw oauthErrors.missingClientSecret();
}

/**
 * Redirect URIs the SPA registration accepts: any http(s) URL on localhost (like Entra's special case for
 * `http://localhost`, here for any port and path, since dev servers use several), plus configured origins.
 */
export function isRegisteredRedirectUri(
  app: AppRegistration,
  redirectUri: string,
  allowedOrigins: readonly string[] = [],
): boolean {
  if (!app.acceptsRedirects) return false;
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  if (url.hash || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]') return true;
  return allowedOrigins.some((origin) => safeOrigin(origin) === url.origin);
}

function safeOrigin(value: string): string | undefined {
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
