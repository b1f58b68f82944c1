import type { Configuration } from '@azure/msal-browser';
import { msalConfigurationFor } from '../shared/auth/msal-configuration';
import type { RuntimeConfig } from '../shared/config/runtime-config';

/** Where MSAL sends the browser back to: the v5 redirect bridge page (redirect.html) of this site. */
export function redirectUriFor(origin: string): string {
  return `${origin}/redirect.html`;
}

/** The tab's MSAL configuration: back through the redirect bridge, and to a signed-out page after logout. */
export function buildMsalConfiguration(config: RuntimeConfig, origin: string): Configuration {
  return msalConfigurationFor(config, {
    redirectUri: redirectUriFor(origin),
    postLogoutRedirectUri: `${origin}/?signedOut=1`,
  });
}

/** The scopes for the API token: only the API's delegated scope; MSAL adds openid/profile itself. */
export function apiScopes(config: RuntimeConfig): string[] {
  return [config.apiScope];
}
