import { runtimeConfigFromEnv } from '../config/config-from-env';
import { msalConfigurationFor } from './msal-configuration';

/** What the dev servers serve for the local stack. */
const local = runtimeConfigFromEnv({});
const pages = { redirectUri: 'http://localhost:3000/back.html', postLogoutRedirectUri: 'http://localhost:3000/bye.html' };

describe('msalConfigurationFor', () => {
  it('configures the local Microsoft 365 as an OIDC authority MSAL may trust', () => {
    const configuration = msalConfigurationFor(local, pages);
    expect(configuration.auth).toMatchObject({
      clientId: local.clientId,
      authority: local.authority,
      knownAuthorities: ['localhost:5443'],
    });
    expect(configuration.system?.protocolMode).toBe('OIDC');
  });

  it('keeps the AAD protocol mode for Entra ID', () => {
    const entra = runtimeConfigFromEnv({ ZAAKWERK_AUTHORITY: 'https://login.microsoftonline.com/t/v2.0' });
    const configuration = msalConfigurationFor(entra, pages);
    expect(configuration.system?.protocolMode).toBe('AAD');
    expect(configuration.auth.knownAuthorities).toEqual(['login.microsoftonline.com']);
  });

  it("returns to the app's own pages after sign-in and sign-out", () => {
    expect(msalConfigurationFor(local, pages).auth).toMatchObject(pages);
  });

  it('keeps tokens for the browser session only', () => {
    expect(msalConfigurationFor(local, pages).cache?.cacheLocation).toBe('sessionStorage');
  });
});
