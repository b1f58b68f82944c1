import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
  type IPublicClientApplication,
} from '@azure/msal-browser';

/**
 * How the pane gets tokens. `nested`: inside Outlook, nested app auth lets the Office host broker the
 * token (no popup or redirect of our own). `standard`: in a plain browser, MSAL's redirect flow against
 * the configured authority, exactly like the tab outside Teams.
 */
export type AuthMode = 'nested' | 'standard';

/** The token client the pane needs; narrower than IPublicClientApplication so tests can supply one. */
export type TokenClient = Pick<
  IPublicClientApplication,
  | 'handleRedirectPromise'
  | 'getActiveAccount'
  | 'getAllAccounts'
  | 'setActiveAccount'
  | 'acquireTokenSilent'
  | 'acquireTokenPopup'
  | 'loginRedirect'
  | 'acquireTokenRedirect'
>;

export interface AuthSession {
  readonly mode: AuthMode;
  /**
   * Finishes a redirect that brought us back here, or signs in silently (nested mode): returns the
   * account, or null when the user still has to press "Sign in".
   */
  restore(): Promise<AccountInfo | null>;
  /** Interactive sign-in. In standard mode the page navigates away and this promise does not settle usefully. */
  signIn(): Promise<AccountInfo | null>;
  /** An access token for the Zaakwerk API; interactive only when MSAL says interaction is required. */
  apiToken(): Promise<string>;
}

export function createAuthSession(client: TokenClient, mode: AuthMode, apiScope: string): AuthSession {
  const scopes = [apiScope];

  const remember = (result: AuthenticationResult | null): AccountInfo | null => {
    if (result?.account) client.setActiveAccount(result.account);
    return result?.account ?? null;
  };

  const currentAccount = (): AccountInfo | null => {
    const active = client.getActiveAccount();
    if (active) return active;
    const [first] = client.getAllAccounts();
    if (first) client.setActiveAccount(first);
    return first ?? null;
  };

  return {
    mode,
    async restore() {
      if (mode === 'standard') {
        const fromRedirect = remember(await client.handleRedirectPromise());
        return fromRedirect ?? currentAccount();
      }
      try {
        return remember(await client.acquireTokenSilent({ scopes, account: currentAccount() ?? undefined }));
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) return null;
        throw error;
      }
    },
    async signIn() {
      if (mode === 'standard') {
        await client.loginRedirect({ scopes });
        return null;
      }
      return remember(await client.acquireTokenPopup({ scopes }));
    },
    async apiToken() {
      const account = currentAccount();
      try {
        if (!account && mode === 'standard') throw new InteractionRequiredAuthError('no_account', 'Not signed in');
        const result = await client.acquireTokenSilent({ scopes, account: account ?? undefined });
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        if (mode === 'nested') return (await client.acquireTokenPopup({ scopes })).accessToken;
        await client.acquireTokenRedirect({ scopes, account: account ?? undefined });
        throw error;
      }
    },
  };
}
