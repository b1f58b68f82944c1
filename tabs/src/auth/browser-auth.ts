import { createStandardPublicClientApplication } from '@azure/msal-browser';
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { RuntimeConfig } from '../shared/config/runtime-config';
import { acquireAccessToken } from './acquire-token';
import type { AuthSession, SignInOutcome } from './auth-session';
import { apiScopes, buildMsalConfiguration } from './msal-config';

export interface BrowserAuthOptions {
  /** The page's origin, e.g. `http://localhost:53000`. */
  origin: string;
  /** The page runs in a frame of an unknown host: MSAL refuses redirects in frames, so use popups. */
  framed: boolean;
  /** The page was loaded as the post-logout target (`?signedOut=1`). */
  justSignedOut: boolean;
}

/**
 * Standalone browser sign-in: finish a redirect if one is pending, reuse the cached account, or send
 * the user to the configured authority (the local Microsoft 365 locally, Entra ID in Azure).
 */
export async function startBrowserAuth(config: RuntimeConfig, options: BrowserAuthOptions): Promise<SignInOutcome> {
  const pca = await createStandardPublicClientApplication(buildMsalConfiguration(config, options.origin));
  const scopes = apiScopes(config);
  const redirectResult = await pca.handleRedirectPromise();
  const account = redirectResult?.account ?? pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;

  if (!account) {
    const signIn = async (): Promise<void> => {
      if (options.framed) {
        const result = await pca.loginPopup({ scopes, prompt: 'select_account' });
        pca.setActiveAccount(result.account);
        window.location.replace(`${options.origin}/`);
        return;
      }
      await pca.loginRedirect({
        scopes,
        redirectStartPage: `${options.origin}/`,
        ...(options.justSignedOut ? { prompt: 'login' } : {}),
      });
    };
    if (options.justSignedOut) return { status: 'needs-sign-in', reason: 'signed-out', signIn };
    if (options.framed) return { status: 'needs-sign-in', reason: 'framed', signIn };
    await signIn();
    return { status: 'redirecting' };
  }

  pca.setActiveAccount(account);
  return { status: 'signed-in', session: browserSession(pca, scopes, options) };
}

function browserSession(pca: IPublicClientApplication, scopes: string[], options: BrowserAuthOptions): AuthSession {
  const account = pca.getActiveAccount();
  return {
    mode: 'browser',
    accountName: account?.name ?? account?.username ?? null,
    getAccessToken: () => acquireAccessToken(pca, scopes, pca.getActiveAccount(), options.framed ? 'popup' : 'redirect'),
    canSignOut: true,
    signOut: async () => {
      const signedOutUrl = `${options.origin}/?signedOut=1`;
      try {
        await pca.logoutRedirect({ account: pca.getActiveAccount(), postLogoutRedirectUri: signedOutUrl });
        // Still here: an OIDC authority without end_session_endpoint; MSAL cleared its cache and stayed.
        window.location.replace(signedOutUrl);
      } catch (error) {
        // An authority without end_session_endpoint cannot end its own session: forget ours at least.
        console.warn('Zaakwerk: logout at the authority failed; clearing the local session only.', error);
        await pca.clearCache();
        window.location.replace(signedOutUrl);
      }
    },
  };
}
