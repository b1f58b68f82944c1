import { loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

const valid = {
  apiBaseUrl: 'http://localhost:7071/api/v1/',
  authority: 'https://localhost:5443/t/v2.0',
  clientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  apiScope: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57/access_as_user',
  knownAuthorities: ['localhost:5443'],
  protocolMode: 'OIDC',
};

describe('parseRuntimeConfig', () => {
  it('accepts a complete config and trims trailing slashes', () => {
    const result = parseRuntimeConfig(valid);
    expect(result.ok && result.config.apiBaseUrl).toBe('http://localhost:7071/api/v1');
  });

  it('lists every problem at once', () => {
    const result = parseRuntimeConfig({ ...valid, authority: 'http://insecure', clientId: 'x', protocolMode: 'SAML' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field).sort()).toEqual(['authority', 'clientId', 'protocolMode']);
  });
});

describe('loadRuntimeConfig', () => {
  it('reports an HTTP failure of config.json', async () => {
    const fakeFetch: typeof fetch = async () => new Response('nope', { status: 404 });
    await expect(loadRuntimeConfig(fakeFetch)).rejects.toThrow('HTTP 404');
  });
});
