import { ApiProblemError } from '@zaakwerk/tabs/shared/api/problem';
import { useCallback, useEffect, useState } from 'react';
import { fetchMe, type Me } from '../api/me';
import type { AuthSession } from '../auth/auth-session';

export type AccountState =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signing-in' }
  | { status: 'signed-in'; me: Me }
  | { status: 'failed'; stage: 'sign-in' | 'me'; detail: string };

/** What the pane says went wrong: for an API problem its status and stable code (e.g. `401 auth.invalid-token`). */
const describe = (error: unknown): string => {
  if (error instanceof ApiProblemError) return `${error.status} ${error.code}`;
  return error instanceof Error ? error.message : String(error);
};

/**
 * The account part of the pane: restore or silent sign-in at start, interactive sign-in on request,
 * then `GET /me` with the API token to show who the API thinks we are.
 */
export function useAccount(
  session: AuthSession,
  apiBaseUrl: string,
): { state: AccountState; signIn: () => void; retry: () => void } {
  const [state, setState] = useState<AccountState>({ status: 'checking' });

  const loadMe = useCallback(async () => {
    try {
      const token = await session.apiToken();
      setState({ status: 'signed-in', me: await fetchMe(apiBaseUrl, token) });
    } catch (error) {
      setState({ status: 'failed', stage: 'me', detail: describe(error) });
    }
  }, [session, apiBaseUrl]);

  const start = useCallback(async () => {
    setState({ status: 'checking' });
    try {
      const account = await session.restore();
      if (account) await loadMe();
      else setState({ status: 'signed-out' });
    } catch (error) {
      setState({ status: 'failed', stage: 'sign-in', detail: describe(error) });
    }
  }, [session, loadMe]);

  useEffect(() => {
    void start();
  }, [start]);

  const signIn = useCallback(() => {
    setState({ status: 'signing-in' });
    session
      .signIn()
      .then(async (account) => {
        // Standard mode navigates away; only the nested flow comes back here with an account.
        if (account) await loadMe();
      })
      .catch((error: unknown) => setState({ status: 'failed', stage: 'sign-in', detail: describe(error) }));
  }, [session, loadMe]);

  return { state, signIn, retry: () => void start() };
}
