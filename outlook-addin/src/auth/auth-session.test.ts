import { InteractionRequiredAuthError, type AccountInfo, type AuthenticationResult } from '@azure/msal-browser';
import { createAuthSession, type TokenClient } from './auth-session';

const account = {
  homeAccountId: 'h',
  environment: 'localhost:5443',
  tenantId: 't',
  username: 'behandelaar@zaakwerk.test',
  localAccountId: 'l',
  name: 'Sanne de Vries',
} as AccountInfo;
const result = (accessToken: string): AuthenticationResult => ({ account, accessToken }) as AuthenticationResult;
const scope = 'api://localhost/app/access_as_user';

/** A hand-written stand-in for MSAL's client that records what the session asked for. */
function fakeClient(overrides: Partial<TokenClient> = {}) {
  const calls: string[] = [];
  let active: AccountInfo | null = null;
  const client: TokenClient = {
    handleRedirectPromise: async () => null,
    getActiveAccount: () => active,
    getAllAccounts: () => (active ? [active] : []),
    setActiveAccount: (a) => {
      active = a;
    },
    acquireTokenSilent: async (request) => {
      calls.push(`silent:${request.scopes.join(' ')}`);
      return result('silent-token');
    },
    acquireTokenPopup: async () => {
      calls.push('popup');
      return result('popup-token');
    },
    loginRedirect: async (request) => {
      calls.push(`loginRedirect:${request?.scopes?.join(' ')}`);
    },
    acquireTokenRedirect: async () => {
      calls.push('acquireTokenRedirect');
    },
    ...overrides,
  };
  return { client, calls };
}

describe('the standard (browser) session', () => {
  it('signs in by redirecting to the authority with the API scope', async () => {
    const { client, calls } = fakeClient();
    await createAuthSession(client, 'standard', scope).signIn();
    expect(calls).toEqual([`loginRedirect:${scope}`]);
  });

  it('picks up the account when the redirect comes back', async () => {
    const { client } = fakeClient({ handleRedirectPromise: async () => result('from-redirect') });
    const session = createAuthSession(client, 'standard', scope);
    expect((await session.restore())?.username).toBe('behandelaar@zaakwerk.test');
    expect(client.getActiveAccount()?.name).toBe('Sanne de Vries');
  });

  it('is signed out after start when MSAL has no account', async () => {
    const { client } = fakeClient();
    expect(await createAuthSession(client, 'standard', scope).restore()).toBeNull();
  });

  it('gets API tokens silently for the signed-in account', async () => {
    const { client, calls } = fakeClient();
    client.setActiveAccount(account);
    expect(await createAuthSession(client, 'standard', scope).apiToken()).toBe('silent-token');
    expect(calls).toEqual([`silent:${scope}`]);
  });

  it('redirects when MSAL says interaction is required', async () => {
    const { client, calls } = fakeClient({
      acquireTokenSilent: async () => {
        throw new InteractionRequiredAuthError('login_required', 'login required');
      },
    });
    client.setActiveAccount(account);
    await expect(createAuthSession(client, 'standard', scope).apiToken()).rejects.toBeInstanceOf(InteractionRequiredAuthError);
    expect(calls).toEqual(['acquireTokenRedirect']);
  });
});

describe('the nested app auth session (inside Outlook)', () => {
  it('signs in silently through the host at start', async () => {
    const { client, calls } = fakeClient();
    expect((await createAuthSession(client, 'nested', scope).restore())?.name).toBe('Sanne de Vries');
    expect(calls).toEqual([`silent:${scope}`]);
  });

  it('waits for the user when silent sign-in needs interaction', async () => {
    const { client } = fakeClient({
      acquireTokenSilent: async () => {
        throw new InteractionRequiredAuthError('consent_required', 'consent required');
      },
    });
    expect(await createAuthSession(client, 'nested', scope).restore()).toBeNull();
  });

  it('lets the host show its own prompt on sign-in', async () => {
    const { client, calls } = fakeClient();
    await createAuthSession(client, 'nested', scope).signIn();
    expect(calls).toEqual(['popup']);
  });

  it('does not hide other sign-in errors', async () => {
    const { client } = fakeClient({
      acquireTokenSilent: async () => {
        throw new Error('bridge broke');
      },
    });
    await expect(createAuthSession(client, 'nested', scope).restore()).rejects.toThrow('bridge broke');
  });
});
