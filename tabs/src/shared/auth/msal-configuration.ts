import type { Configuration } from '@azure/msal-browser';
import type { RuntimeConfig } from '../config/runtime-config.ts';

/** The app's own pages MSAL returns to: each app registers its own redirect URI in the app registration. */
export interface MsalPages {
  redirectUri: string;
  postLogoutRedirectUri: string;
}

/**
 * MSAL configuration from the runtime config. The local Microsoft 365 is a plain OpenID Connect
 * provider, so it needs `protocolMode: 'OIDC'` and its host in `knownAuthorities` (config.json says
 * which); Entra ID keeps the AAD mode, which nested app auth in Teams and Outlook requires.
 */
export function msalConfigurationFor(config: RuntimeConfig, pages: MsalPages): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      redirectUri: pages.redirectUri,
      postLogoutRedirectUri: pages.postLogoutRedirectUri,
    },
    cache: { cacheLocation: 'sessionStorage' },
    system: { protocolMode: config.protocolMode },
  };
}
