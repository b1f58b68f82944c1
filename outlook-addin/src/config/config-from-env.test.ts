import { runtimeConfigFromEnv } from './config-from-env';

describe('runtimeConfigFromEnv', () => {
  it('defaults to the local Microsoft 365 demo tenant', () => {
    expect(runtimeConfigFromEnv({})).toEqual({
      apiBaseUrl: 'http://localhost:7071/api/v1',
      authority: 'https://localhost:5443/5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31/v2.0',
      clientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
      apiScope: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57/access_as_user',
      knownAuthorities: ['localhost:5443'],
      protocolMode: 'OIDC',
    });
  });

  it('uses the AAD protocol for Entra ID', () => {
    const config = runtimeConfigFromEnv({
      ZAAKWERK_AUTHORITY: 'https://login.microsoftonline.com/5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31/v2.0',
    });
    expect(config.protocolMode).toBe('AAD');
    expect(config.knownAuthorities).toEqual(['login.microsoftonline.com']);
  });

  it('names the variable when a setting is malformed', () => {
    expect(() => runtimeConfigFromEnv({ ZAAKWERK_API_CLIENT_ID: 'not-a-guid' })).toThrow(/ZAAKWERK_API_CLIENT_ID/);
    expect(() => runtimeConfigFromEnv({ ZAAKWERK_AUTHORITY: 'http://localhost:5443/x/v2.0' })).toThrow(/ZAAKWERK_AUTHORITY/);
  });
});
