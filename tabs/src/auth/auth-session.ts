/** A signed-in user as the tab sees it: enough to call the API and to sign out. */
export interface AuthSession {
  /** `teams` when nested app auth through the host is used, `browser` for the standalone SPA. */
  mode: 'teams' | 'browser';
  /** Account name from the ID token (the header prefers the name from GET /me). */
  accountName: string | null;
  /** An access token for the Zaakwerk API (`<app id uri>/access_as_user`). */
  getAccessToken(): Promise<string>;
  /** Signs out of the tab; false in Teams, where the host owns the account. */
  canSignOut: boolean;
  signOut(): Promise<void>;
}

/** Outcome of starting authentication on page load. */
export type SignInOutcome =
  | { status: 'signed-in'; session: AuthSession }
  /** The page is navigating to the identity provider; render nothing but a notice. */
  | { status: 'redirecting' }
  /**
   * Sign-in waits for the user: after signing out (no automatic sign-in again), or in a frame of an
   * unknown page, where only a popup may be used and browsers block popups without a click.
   */
  | { status: 'needs-sign-in'; reason: 'signed-out' | 'framed'; signIn(): Promise<void> };
