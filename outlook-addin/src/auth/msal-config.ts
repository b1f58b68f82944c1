import type { Configuration } from '@azure/msal-browser';
import type { RuntimeConfig } from '@zaakwerk/tabs/shared/config/runtime-config';

/**
 * MSAL configuration for the task pane. The local Microsoft 365 is not a Microsoft authority, so MSAL
 * needs `protocolMode: 'OIDC'` and the host in `knownAuthorities` (config.json says which); against
 * Entra ID config.json says `AAD`. The redirect comes back to the task pane page itself.
 */
export function msalConfiguration(config: RuntimeConfig, redirectUri: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      redirectUri,
      postLogoutRedirectUri: redirectUri,
    },
    cache: { cacheLocation: 'sessionStorage' },
    system: { protocolMode: config.protocolMode },
  };
}

/** The task pane's own URL without query or hash: the redirect URI registered for the SPA. */
export function redirectUriFor(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}
