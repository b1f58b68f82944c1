import type { RuntimeConfig } from '../shared/config/runtime-config';
import { apiScopes, buildMsalConfiguration, redirectUriFor } from './msal-config';

const local: RuntimeConfig = {
  apiBaseUrl: 'http://localhost:7071/api/v1',
  authority: 'https://localhost:5443/5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31/v2.0',
  clientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  apiScope: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57/access_as_user',
  knownAuthorities: ['localhost:5443'],
  protocolMode: 'OIDC',
};

describe('buildMsalConfiguration', () => {
  it('configures the local Microsoft 365 as an OIDC authority MSAL may trust', () => {
    const configuration = buildMsalConfiguration(local, 'http://localhost:53000');
    expect(configuration.auth).toMatchObject({
      clientId: local.clientId,
      authority: local.authority,
      knownAuthorities: ['localhost:5443'],
      redirectUri: 'http://localhost:53000/redirect.html',
    });
    expect(configuration.system?.protocolMode).toBe('OIDC');
  });

  it('keeps the AAD protocol mode for Entra ID', () => {
    const configuration = buildMsalConfiguration(
      { ...local, authority: 'https://login.microsoftonline.com/t/v2.0', protocolMode: 'AAD' },
      'https://tab.example.nl',
    );
    expect(configuration.system?.protocolMode).toBe('AAD');
    expect(configuration.auth.redirectUri).toBe('https://tab.example.nl/redirect.html');
  });

  it('returns to a signed-out page after logout instead of signing in again at once', () => {
    expect(buildMsalConfiguration(local, 'http://localhost:53000').auth.postLogoutRedirectUri).toBe(
      'http://localhost:53000/?signedOut=1',
    );
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
