import { runtimeConfigFromEnv } from '../shared/config/config-from-env';
import { apiScopes, buildMsalConfiguration, redirectUriFor } from './msal-config';

/** What the tab's dev server serves for the local stack. */
const local = runtimeConfigFromEnv({});

describe('buildMsalConfiguration', () => {
  it('comes back to the redirect bridge of the tab', () => {
    expect(buildMsalConfiguration(local, 'http://localhost:53000').auth.redirectUri).toBe('http://localhost:53000/redirect.html');
    expect(buildMsalConfiguration(local, 'https://tab.example.nl').auth.redirectUri).toBe('https://tab.example.nl/redirect.html');
  });

  it('returns to a signed-out page after logout instead of signing in again at once', () => {
    expect(buildMsalConfiguration(local, 'http://localhost:53000').auth.postLogoutRedirectUri).toBe(
      'http://localhost:53000/?signedOut=1',
    );
  });

  it('uses the authority of the runtime config', () => {
    expect(buildMsalConfiguration(local, 'http://localhost:53000').auth.authority).toBe(local.authority);
  });
});

describe('apiScopes', () => {
  it('asks only for the API scope', () => {
    expect(apiScopes(local)).toEqual([local.apiScope]);
  });

  it('derives the redirect bridge from the origin', () => {
    expect(redirectUriFor('http://localhost:61000')).toBe('http://localhost:61000/redirect.html');
  });
});
