import { createNestablePublicClientApplication } from '@azure/msal-browser';
import type { RuntimeConfig } from '../shared/config/runtime-config';
import { acquireAccessToken } from './acquire-token';
import type { AuthSession } from './auth-session';
import { apiScopes, buildMsalConfiguration } from './msal-config';

/**
 * Inside a Microsoft 365 host: nested app auth (NAA). teams-js must be initialised first; MSAL then
 * brokers token requests through the host, so the user never sees a sign-in page in the common case.
 * When NAA is unavailable (older hosts) MSAL falls back to a standard client, and popups still work.
 */
export async function startTeamsAuth(config: RuntimeConfig, origin: string, loginHint: string | null): Promise<AuthSession> {
  const pca = await createNestablePublicClientApplication(buildMsalConfiguration(config, origin));
  const scopes = apiScopes(config);
  const hint = loginHint ?? undefined;
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  if (account) pca.setActiveAccount(account);
  // Fetch a token now, so the first API call does not wait on a popup the user did not ask for.
  await acquireAccessToken(pca, scopes, account, 'popup', hint);
  const active = pca.getActiveAccount();
  return {
    mode: 'teams',
    accountName: active?.name ?? active?.username ?? null,
    getAccessToken: () => acquireAccessToken(pca, scopes, pca.getActiveAccount(), 'popup', hint),
    canSignOut: false,
    signOut: () => Promise.resolve(),
  };
}
