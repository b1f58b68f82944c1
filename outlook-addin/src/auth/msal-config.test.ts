import { runtimeConfigFromEnv } from '@zaakwerk/tabs/shared/config/config-from-env';
import { msalConfiguration, redirectUriFor } from './msal-config';

/** What the add-in's dev server serves for the local stack. */
const local = runtimeConfigFromEnv({});

describe('msalConfiguration', () => {
  it('comes back to the task pane after sign-in and after sign-out', () => {
    const config = msalConfiguration(local, 'http://localhost:3000/taskpane.html');
    expect(config.auth.redirectUri).toBe('http://localhost:3000/taskpane.html');
    expect(config.auth.postLogoutRedirectUri).toBe('http://localhost:3000/taskpane.html');
  });

  it('points MSAL at the configured authority and client', () => {
    const config = msalConfiguration(local, 'https://addin.example/taskpane.html');
    expect(config.auth).toMatchObject({ authority: local.authority, clientId: local.clientId });
  });
});

describe('redirectUriFor', () => {
  it('drops the query and hash of the current page', () => {
    expect(redirectUriFor({ origin: 'https://addin.example', pathname: '/taskpane.html' })).toBe(
      'https://addin.example/taskpane.html',
    );
  });
});
