import { localConfigDefaults, protocolModeFor, runtimeConfigFromEnv } from './config-from-env';

describe('runtimeConfigFromEnv', () => {
  it('points at the local stack when no variable is set', () => {
    expect(runtimeConfigFromEnv({})).toEqual({
      apiBaseUrl: 'http://localhost:7071/api/v1',
      authority: 'https://localhost:5443/5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31/v2.0',
      clientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
      apiScope: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57/access_as_user',
      knownAuthorities: ['localhost:5443'],
      protocolMode: 'OIDC',
    });
  });

  it('derives the scope, known authority and protocol mode from the variables', () => {
    const config = runtimeConfigFromEnv({
      ZAAKWERK_API_BASE_URL: 'https://zaakwerk-api.azurewebsites.net/api/v1',
      ZAAKWERK_AUTHORITY: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0',
      ZAAKWERK_API_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
      ZAAKWERK_API_APP_ID_URI: 'api://zaakwerk.example.nl/66666666-7777-8888-9999-000000000000/',
    });
    expect(config.apiScope).toBe('api://zaakwerk.example.nl/66666666-7777-8888-9999-000000000000/access_as_user');
    expect(config.knownAuthorities).toEqual(['login.microsoftonline.com']);
    expect(config.protocolMode).toBe('AAD');
  });

  it('keeps the port in the known authority, because MSAL compares host and port', () => {
    expect(runtimeConfigFromEnv({ ZAAKWERK_AUTHORITY: 'https://localhost:61234/t/v2.0' }).knownAuthorities).toEqual([
      'localhost:61234',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(runtimeConfigFromEnv({ ZAAKWERK_API_BASE_URL: '  ' }).apiBaseUrl).toBe(localConfigDefaults.ZAAKWERK_API_BASE_URL);
  });

  it('names the variable when a setting is malformed', () => {
    expect(() => runtimeConfigFromEnv({ ZAAKWERK_API_CLIENT_ID: 'not-a-guid' })).toThrow(/ZAAKWERK_API_CLIENT_ID/);
    expect(() => runtimeConfigFromEnv({ ZAAKWERK_AUTHORITY: 'localhost:5443' })).toThrow(/ZAAKWERK_AUTHORITY/);
    expect(() => runtimeConfigFromEnv({ ZAAKWERK_AUTHORITY: 'http://localhost:5443/t/v2.0' })).toThrow(
      /ZAAKWERK_AUTHORITY.*https/,
    );
  });

  it('says whose dev server has the bad setting', () => {
    expect(() => runtimeConfigFromEnv({ ZAAKWERK_API_CLIENT_ID: 'x' }, 'add-in')).toThrow(/^Invalid add-in configuration: /);
  });
});

describe('protocolModeFor', () => {
  it('uses the AAD mode only for Entra ID', () => {
    expect(protocolModeFor('login.microsoftonline.com')).toBe('AAD');
    expect(protocolModeFor('localhost')).toBe('OIDC');
    expect(protocolModeFor('idp.example.nl')).toBe('OIDC');
  });
});
