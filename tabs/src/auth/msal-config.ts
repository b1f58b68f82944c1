import type { Configuration } from '@azure/msal-browser';
import type { RuntimeConfig } from '../shared/config/runtime-config';

/** Where MSAL sends the browser back to: the v5 redirect bridge page (redirect.html) of this site. */
export function redirectUriFor(origin: string): string {
  return `${origin}/redirect.html`;
}

/**
 * MSAL configuration from the runtime config. The local Microsoft 365 is a plain OpenID Connect
 * provider, so it needs `protocolMode: 'OIDC'` and its host in `knownAuthorities`; Entra ID keeps the
 * AAD mode (required for nested app auth in Teams).
 */
export function buildMsalConfiguration(config: RuntimeConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      redirectUri: redirectUriFor(origin),
      postLogoutRedirectUri: `${origin}/?signedOut=1`,
    },
    cache: { cacheLocation: 'sessionStorage' },
    system: { protocolMode: config.protocolMode },
  };
}

/** The scopes for the API token: only the API's delegated scope; MSAL adds openid/profile itself. */
export function apiScopes(config: RuntimeConfig): string[] {
  return [config.apiScope];
}
