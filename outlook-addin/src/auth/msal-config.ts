import type { Configuration } from '@azure/msal-browser';
import { msalConfigurationFor } from '@zaakwerk/tabs/shared/auth/msal-configuration';
import type { RuntimeConfig } from '@zaakwerk/tabs/shared/config/runtime-config';

/** MSAL configuration for the task pane: sign-in and sign-out both come back to the task pane page itself. */
export function msalConfiguration(config: RuntimeConfig, redirectUri: string): Configuration {
  return msalConfigurationFor(config, { redirectUri, postLogoutRedirectUri: redirectUri });
}

/** The task pane's own URL without query or hash: the redirect URI registered for the SPA. */
export function redirectUriFor(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}`;
}
