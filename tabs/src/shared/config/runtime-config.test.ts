import { ConfigLoadError, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

const valid = {
  apiBaseUrl: 'http://localhost:7071/api/v1/',
  authority: 'https://localhost:5443/5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31/v2.0',
  clientId: '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57',
  apiScope: 'api://localhost/3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57/access_as_user',
  knownAuthorities: ['localhost:5443'],
  protocolMode: 'OIDC',
};

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('parseRuntimeConfig', () => {
  it('accepts a complete config and strips the trailing slash of the API base URL', () => {
    const result = parseRuntimeConfig(valid);
    expect(result.ok).toBe(true);
    expect(result.ok && result.config.apiBaseUrl).toBe('http://localhost:7071/api/v1');
    expect(result.ok && result.config.protocolMode).toBe('OIDC');
  });

  it('lists every missing field, not only the first', () => {
    const result = parseRuntimeConfig({ apiBaseUrl: 'http://localhost:7071/api/v1' });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['authority', 'clientId', 'apiScope', 'knownAuthorities', 'protocolMode']));
  });

  it('lists every invalid field at once', () => {
    const result = parseRuntimeConfig({ ...valid, authority: 'http://insecure', clientId: 'x', protocolMode: 'SAML' });
    expect(result.ok ? [] : result.problems.map((p) => p.field).sort()).toEqual(['authority', 'clientId', 'protocolMode']);
  });

  it('rejects an http authority because MSAL refuses insecure authorities', () => {
    const result = parseRuntimeConfig({ ...valid, authority: 'http://localhost:5443/tenant/v2.0' });
    expect(result.ok ? [] : result.problems).toEqual([{ field: 'authority', message: expect.stringContaining('https') }]);
  });

  it('rejects a client id that is not a GUID', () => {
    const result = parseRuntimeConfig({ ...valid, clientId: 'zaakwerk' });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['clientId']);
  });

  it('rejects an unknown protocol mode', () => {
    const result = parseRuntimeConfig({ ...valid, protocolMode: 'SAML' });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['protocolMode']);
  });

  it('rejects a value that is not an object', () => {
    expect(parseRuntimeConfig([1, 2]).ok).toBe(false);
    expect(parseRuntimeConfig(null).ok).toBe(false);
  });
});

describe('loadRuntimeConfig', () => {
  it('returns the validated config from config.json', async () => {
    const fetchImpl = jest.fn(async () => jsonResponse(valid));
    await expect(loadRuntimeConfig(fetchImpl as unknown as typeof fetch)).resolves.toMatchObject({ clientId: valid.clientId });
    expect(fetchImpl).toHaveBeenCalledWith('config.json', expect.objectContaining({ cache: 'no-store' }));
  });

  it('fails with a ConfigLoadError when config.json is missing', async () => {
    const fetchImpl = async () => new Response('Not found', { status: 404 });
    await expect(loadRuntimeConfig(fetchImpl)).rejects.toThrow(
      new ConfigLoadError('config.json could not be fetched: HTTP 404', []),
    );
  });

  it('fails with a ConfigLoadError naming the problems when config.json is invalid', async () => {
    const fetchImpl = async () => jsonResponse({ ...valid, clientId: '' });
    const error: unknown = await loadRuntimeConfig(fetchImpl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigLoadError);
    expect((error as ConfigLoadError).problems.map((p) => p.field)).toEqual(['clientId']);
  });

  it('fails with a ConfigLoadError when config.json is not JSON (an SPA fallback serving index.html)', async () => {
    const fetchImpl = async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
    await expect(loadRuntimeConfig(fetchImpl)).rejects.toThrow('config.json is not valid JSON');
  });
});
