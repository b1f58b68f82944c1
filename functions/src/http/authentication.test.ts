import { createHmac } from 'node:crypto';
import { exportSPKI } from 'jose';
import { createTokenValidator } from '../adapters/identity/token-validator';
import { loadApiConfig, type ApiConfig } from '../config';
import { appRoleValues } from '../domain/roles';
import type { DirectoryUser, UserDirectory } from '../ports/user-directory';
import { register } from '../register';
import { startTestIdentityProvider } from '../test-support/identity-provider';
import { inMemoryCaseTypes } from '../test-support/in-memory-case-types';
import { recordingApp } from '../test-support/recording-app';

const tenantId = '0b7c3f8e-1d2a-4e5b-8c9d-aa11bb22cc33';
const apiClientId = '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57';
const apiAppIdUri = `api://localhost/${apiClientId}`;
const botClientId = '9b2e4f6a-1c3d-4e5f-8a7b-2c9d0e1f3a46';
const sanne = 'b0000001-5a1e-4d2c-9f00-000000000001';

const directoryUser: DirectoryUser = {
  id: sanne,
  displayName: 'Sanne de Vries',
  userPrincipalName: 'behandelaar@zaakwerk.test',
  mail: 'sanne@zaakwerk.test',
  groupIds: ['a1b2c3d4-0001-4000-8000-000000000001'],
  appRoles: [appRoleValues.coordinator],
};
/** In-memory directory for this unit test; the Graph adapter is covered by the integration tests. */
const fakeDirectory: UserDirectory = { findUser: async (oid) => (oid === sanne ? directoryUser : null) };

const now = () => Math.floor(Date.now() / 1000);

describe('authentication on GET /api/v1/me', () => {
  let idp: Awaited<ReturnType<typeof startTestIdentityProvider>>;
  let config: ApiConfig;
  let api: ReturnType<typeof recordingApp>;

  beforeEach(async () => {
    idp = await startTestIdentityProvider(tenantId);
    config = loadApiConfig({
      ZAAKWERK_TENANT_ID: tenantId,
      ZAAKWERK_AUTHORITY: idp.issuer,
      ZAAKWERK_API_CLIENT_ID: apiClientId,
      ZAAKWERK_API_APP_ID_URI: apiAppIdUri,
      ZAAKWERK_BOT_CLIENT_ID: botClientId,
    });
    api = recordingApp();
    register(api.app, { config, userDirectory: fakeDirectory, caseTypes: inMemoryCaseTypes() });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await idp.close();
  });

  const userClaims = (overrides: Record<string, unknown> = {}) => ({
    iss: idp.issuer,
    aud: apiClientId,
    tid: tenantId,
    ver: '2.0',
    oid: sanne,
    name: 'Sanne de Vries',
    preferred_username: 'behandelaar@zaakwerk.test',
    scp: 'access_as_user',
    roles: [appRoleValues.coordinator, 'Something.Else'],
    groups: ['a1b2c3d4-0001-4000-8000-000000000001'],
    iat: now(),
    nbf: now() - 10,
    exp: now() + 3600,
    ...overrides,
  });
  const appClaims = (appId: string, roles: string[]) => ({
    iss: idp.issuer,
    aud: apiAppIdUri,
    tid: tenantId,
    ver: '2.0',
    azp: appId,
    oid: 'c0000000-0000-4000-8000-00000000b0b0',
    idtyp: 'app',
    roles,
    iat: now(),
    nbf: now() - 10,
    exp: now() + 3600,
  });
  const getMe = (headers: Record<string, string>) => api.call('me', { headers });
  const withToken = (token: string, extra: Record<string, string> = {}) => getMe({ authorization: `Bearer ${token}`, ...extra });

  async function expectUnauthorized(response: Awaited<ReturnType<typeof getMe>>, code: string) {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe(
      code === 'auth.missing-token' ? 'Bearer' : 'Bearer error="invalid_token"',
    );
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
    const body = response.json();
    expect(body).toMatchObject({ status: 401, code, type: `urn:zaakwerk:problem:${code}` });
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts|ERR_J/);
  }

  it('accepts a valid delegated token and answers with the user and their global roles', async () => {
    const response = await withToken(await idp.sign(userClaims()));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      id: sanne,
      name: 'Sanne de Vries',
      upn: 'behandelaar@zaakwerk.test',
      email: null,
      tenantId,
      roles: ['coordinator'],
      groups: ['a1b2c3d4-0001-4000-8000-000000000001'],
      caseTypes: [],
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts the Application ID URI as audience', async () => {
    expect((await withToken(await idp.sign(userClaims({ aud: apiAppIdUri })))).status).toBe(200);
  });

  it('answers 401 auth.missing-token without an Authorization header', async () => {
    await expectUnauthorized(await getMe({}), 'auth.missing-token');
  });

  it('answers 401 auth.invalid-token for another scheme or a malformed header', async () => {
    await expectUnauthorized(await getMe({ authorization: 'Basic dXNlcjpwYXNz' }), 'auth.invalid-token');
    await expectUnauthorized(await getMe({ authorization: 'Bearer not a token' }), 'auth.invalid-token');
    await expectUnauthorized(await getMe({ authorization: 'Bearer abc.def.ghi' }), 'auth.invalid-token');
  });

  it('answers 401 auth.expired for a token that expired more than the 60 s clock skew ago', async () => {
    await expectUnauthorized(await withToken(await idp.sign(userClaims({ exp: now() - 120 }))), 'auth.expired');
  });

  it('tolerates 60 s of clock skew on expiry', async () => {
    expect((await withToken(await idp.sign(userClaims({ exp: now() - 30 })))).status).toBe(200);
  });

  it('answers 401 auth.not-yet-valid for a token whose nbf is in the future', async () => {
    await expectUnauthorized(await withToken(await idp.sign(userClaims({ nbf: now() + 300 }))), 'auth.not-yet-valid');
  });

  it('answers 401 auth.invalid-audience for a token meant for another API', async () => {
    await expectUnauthorized(
      await withToken(await idp.sign(userClaims({ aud: 'api://some-other-api' }))),
      'auth.invalid-audience',
    );
  });

  it('answers 401 auth.invalid-tenant for a token from another tenant', async () => {
    await expectUnauthorized(
      await withToken(await idp.sign(userClaims({ tid: '99999999-9999-4999-8999-999999999999' }))),
      'auth.invalid-tenant',
    );
  });

  it('answers 401 auth.invalid-issuer for a token from another issuer', async () => {
    await expectUnauthorized(
      await withToken(await idp.sign(userClaims({ iss: `https://login.microsoftonline.com/${tenantId}/v2.0` }))),
      'auth.invalid-issuer',
    );
  });

  it('answers 401 auth.invalid-token for a token signed by a key that is not in the JWKS', async () => {
    const rogue = await idp.newKey('rogue');
    await expectUnauthorized(await withToken(await idp.sign(userClaims(), { key: rogue })), 'auth.invalid-token');
  });

  it('answers 401 auth.invalid-token for a token signed by another key under a published kid', async () => {
    const impostor = { ...(await idp.newKey(idp.currentKey.kid)) };
    await expectUnauthorized(await withToken(await idp.sign(userClaims(), { key: impostor })), 'auth.invalid-token');
  });

  it('answers 401 auth.invalid-token for an unsigned token (alg: none)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part(userClaims())}.`;
    await expectUnauthorized(await withToken(unsigned), 'auth.invalid-token');
  });

  it('answers 401 auth.invalid-token for HS256 signed with the public key as the secret', async () => {
    const publicKeyPem = await exportSPKI(idp.currentKey.publicKey);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${part({ alg: 'HS256', typ: 'JWT', kid: idp.currentKey.kid })}.${part(userClaims())}`;
    const signature = createHmac('sha256', publicKeyPem).update(signingInput).digest('base64url');
    await expectUnauthorized(await withToken(`${signingInput}.${signature}`), 'auth.invalid-token');
  });

  it('answers 401 auth.missing-scope for a delegated token without access_as_user', async () => {
    await expectUnauthorized(await withToken(await idp.sign(userClaims({ scp: 'User.Read' }))), 'auth.missing-scope');
  });

  it('answers 401 auth.missing-scope for an app-only token without an app role', async () => {
    await expectUnauthorized(await withToken(await idp.sign(appClaims(botClientId, []))), 'auth.missing-scope');
  });

  it('answers 401 auth.invalid-token for a v1.0 token', async () => {
    await expectUnauthorized(await withToken(await idp.sign(userClaims({ ver: '1.0' }))), 'auth.invalid-token');
  });

  it('answers 403 auth.user-required for an app-only token that names no user', async () => {
    const response = await withToken(await idp.sign(appClaims(botClientId, [appRoleValues.botActAsUser])));
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.user-required' });
  });

  describe('key rotation', () => {
    it('fetches discovery and keys once, then a new kid once after the cooldown, never per request', async () => {
      await withToken(await idp.sign(userClaims()));
      await withToken(await idp.sign(userClaims()));
      expect(idp.counts).toEqual({ discovery: 1, jwks: 1 });

      const rotated = await idp.newKey('key-2');
      idp.publish([rotated]);
      // Within jose's 30 s cooldown an unknown kid does not trigger a fetch (no fetch storm by bad tokens).
      await expectUnauthorized(await withToken(await idp.sign(userClaims(), { key: rotated })), 'auth.invalid-token');
      expect(idp.counts.jwks).toBe(1);

      const realNow = Date.now.bind(Date);
      jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
      expect((await withToken(await idp.sign(userClaims(), { key: rotated }))).status).toBe(200);
      expect((await withToken(await idp.sign(userClaims(), { key: rotated }))).status).toBe(200);
      expect(idp.counts).toEqual({ discovery: 1, jwks: 2 });
    });
  });

  describe('the bot acting for a user (X-Zaakwerk-Acting-User)', () => {
    it('answers for the named user with via bot when the bot app has the act-as-user role', async () => {
      const token = await idp.sign(appClaims(botClientId, [appRoleValues.botActAsUser]));
      const response = await withToken(token, { 'x-zaakwerk-acting-user': sanne });
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        id: sanne,
        name: 'Sanne de Vries',
        upn: 'behandelaar@zaakwerk.test',
        email: 'sanne@zaakwerk.test',
        roles: ['coordinator'],
        groups: ['a1b2c3d4-0001-4000-8000-000000000001'],
        via: 'bot',
      });
    });

    it.each([
      ['a user token', async () => idp.sign(userClaims())],
      ['the bot without the act-as-user role', async () => idp.sign(appClaims(botClientId, [appRoleValues.auditor]))],
      [
        'another app with the act-as-user role',
        async () => idp.sign(appClaims('12345678-1234-4234-8234-123456789012', [appRoleValues.botActAsUser])),
      ],
    ])('refuses the header from %s with 403', async (_caller, token) => {
      const response = await withToken(await token(), { 'x-zaakwerk-acting-user': sanne });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'auth.acting-user-not-allowed' });
    });

    it('answers 403 auth.acting-user-unknown for a user the directory does not know', async () => {
      const token = await idp.sign(appClaims(botClientId, [appRoleValues.botActAsUser]));
      const response = await withToken(token, { 'x-zaakwerk-acting-user': 'b0000099-5a1e-4d2c-9f00-000000000099' });
      expect(response.status).toBe(403);
      expect(response.json()).toMatchObject({ code: 'auth.acting-user-unknown' });
    });

    it('answers 400 naming the header when it is not an object id', async () => {
      const token = await idp.sign(appClaims(botClientId, [appRoleValues.botActAsUser]));
      const response = await withToken(token, { 'x-zaakwerk-acting-user': 'sanne' });
      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'headers.x-zaakwerk-acting-user' }] });
    });
  });

  it('answers 503 identity.unavailable (not 401) when the identity provider cannot be reached', async () => {
    const offline = loadApiConfig({ ...envOf(config), ZAAKWERK_AUTHORITY: `http://127.0.0.1:9/${tenantId}/v2.0` });
    const validator = createTokenValidator(offline, { fetchTimeoutMs: 1000 });
    await expect(validator.validate(await idp.sign(userClaims()))).rejects.toMatchObject({
      kind: 'dependency-unavailable',
      code: 'identity.unavailable',
    });
  });
});

function envOf(config: ApiConfig): NodeJS.ProcessEnv {
  return {
    ZAAKWERK_TENANT_ID: config.identity.tenantId,
    ZAAKWERK_API_CLIENT_ID: config.identity.apiClientId,
    ZAAKWERK_API_APP_ID_URI: config.identity.apiAppIdUri,
    ZAAKWERK_BOT_CLIENT_ID: config.identity.botClientId,
  };
}
