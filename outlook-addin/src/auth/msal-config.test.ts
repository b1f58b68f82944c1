import type { RuntimeConfig } from '@zaakwerk/tabs/shared/config/runtime-config';
import { msalConfiguration, redirectUriFor } from './msal-config';

const localConfig: RuntimeConfig = {
  apiBaseUrl: 'http://localhost:7071/api/v1',
  authority: 'https://localhost:5443/5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31/v2.0',
  clientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  apiScope: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57/access_as_user',
  knownAuthorities: ['localhost:5443'],
  protocolMode: 'OIDC',
};

describe('msalConfiguration', () => {
  it('points MSAL at the configured authority in OIDC mode with the authority host as known authority', () => {
    const config = msalConfiguration(localConfig, 'http://localhost:3000/taskpane.html');
    expect(config.auth.authority).toBe(localConfig.authority);
    expect(config.auth.knownAuthorities).toEqual(['localhost:5443']);
    expect(config.system?.protocolMode).toBe('OIDC');
    expect(config.auth.clientId).toBe(localConfig.clientId);
    expect(config.auth.redirectUri).toBe('http://localhost:3000/taskpane.html');
  });

  it('keeps the AAD protocol mode for Entra ID', () => {
    const config = msalConfiguration({ ...localConfig, protocolMode: 'AAD' }, 'https://addin.example/taskpane.html');
    expect(config.system?.protocolMode).toBe('AAD');
  });
});

describe('redirectUriFor', () => {
  it('drops the query and hash of the current page', () => {
    expect(redirectUriFor({ origin: 'https://addin.example', pathname: '/taskpane.html' })).toBe(
      'https://addin.example/taskpane.html',
    );
  });
});
