import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';

/** How to ask the user when the cache and silent renewal cannot produce a token. */
export type InteractiveFallback = 'popup' | 'redirect';

/**
 * acquireTokenSilent first; when that fails (no token, expired session, consent needed) fall back to
 * the interactive flow. With `redirect`, the promise never settles because the page navigates away.
 */
export async function acquireAccessToken(
  pca: IPublicClientApplication,
  scopes: string[],
  account: AccountInfo | null,
  fallback: InteractiveFallback,
  loginHint?: string,
): Promise<string> {
  try {
    const result = await pca.acquireTokenSilent(account ? { scopes, account } : { scopes });
    if (result.accessToken) return result.accessToken;
  } catch (error) {
    console.info('Zaakwerk: silent token acquisition failed; asking the user.', error);
  }
  if (fallback === 'popup') {
    const result = await pca.acquireTokenPopup(loginHint ? { scopes, loginHint } : { scopes });
    if (result.account) pca.setActiveAccount(result.account);
    return result.accessToken;
  }
  await pca.acquireTokenRedirect(account ? { scopes, account } : { scopes });
  return new Promise<string>(() => undefined);
}
