import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { demoTenant, startM365TestStack, type M365TestStack } from '../../infra/local/src/m365';

// testTimeout in a jest project entry is ignored (it is a global option), so the file sets its own.
jest.setTimeout(60_000);

const redirectUri = 'http://localhost:53000/auth-redirect';
const apiScope = `${demoTenant.apiApp.appIdUri}/access_as_user`;

let stack: M365TestStack;
beforeAll(async () => {
  stack = await startM365TestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const tenantUrl = (path: string): string => `${stack.m365.url}/${stack.m365.tenantId}${path}`;

/** What msal-browser 5 sends to /authorize (PKCE S256, fragment response, client_info, library telemetry). */
function authorizeParams(overrides: Record<string, string> = {}): {
  params: URLSearchParams;
  verifier: string;
  state: string;
  nonce: string;
} {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('base64url');
  const nonce = randomBytes(8).toString('base64url');
  const params = new URLSearchParams({
    client_id: demoTenant.apiApp.clientId,
    scope: `${apiScope} openid profile offline_access`,
    redirect_uri: redirectUri,
    'client-request-id': randomBytes(8).toString('hex'),
    response_mode: 'fragment',
    response_type: 'code',
    'x-client-SKU': 'msal.js.browser',
    'x-client-VER': '5.30.0',
    client_info: '1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    nonce,
    state,
    ...overrides,
  });
  return { params, verifier, state, nonce };
}

async function showLoginForm(params: URLSearchParams): Promise<{ action: string; request: string; html: string }> {
  const response = await fetch(`${tenantUrl('/oauth2/v2.0/authorize')}?${params}`, { redirect: 'manual' });
  expect(response.status).toBe(200);
  const html = await response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const request = /name="authorization_request" value="([^"]*)"/.exec(html)?.[1];
  if (!action || request === undefined) throw new Error('no sign-in form');
  return { action: unescapeHtml(action), request: unescapeHtml(request), html };
}

async function submitLogin(form: { action: string; request: string }, login: string, password: string): Promise<Response> {
  return fetch(form.action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ authorization_request: form.request, login, password }),
  });
}

async function redeem(body: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(tenantUrl('/oauth2/v2.0/token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:53000' },
    body: new URLSearchParams(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const fragmentOf = (location: string): URLSearchParams => new URLSearchParams(new URL(location).hash.slice(1));
const unescapeHtml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('the local Microsoft 365 as OpenID Connect provider', () => {
  it('publishes a discovery document like Entra v2, readable cross-origin', async () => {
    const response = await fetch(`${stack.m365.issuer}/.well-known/openid-configuration`, {
      headers: { Origin: 'http://localhost:53000' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: stack.m365.issuer,
      authorization_endpoint: tenantUrl('/oauth2/v2.0/authorize'),
      token_endpoint: stack.m365.tokenEndpoint,
      end_session_endpoint: tenantUrl('/oauth2/v2.0/logout'),
      jwks_uri: stack.m365.jwksUri,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
    });
    const keys = await fetch(stack.m365.jwksUri);
    expect(keys.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await keys.json()) as { keys: Array<{ kty: string; d?: string }> }).keys[0]).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
    });
  });

  it('answers the token endpoint preflight that msal-browser triggers', async () => {
    const response = await fetch(tenantUrl('/oauth2/v2.0/token'), {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:53000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-anchormailbox',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-anchormailbox');
  });

  it('signs a persona in with authorization code + PKCE: form, redirect with code, tokens', async () => {
    const { params, verifier, state, nonce } = authorizeParams({ login_hint: 'behandelaar@zaakwerk.test' });
    const form = await showLoginForm(params);
    expect(form.html).toContain('value="behandelaar@zaakwerk.test"');

    const response = await submitLogin(form, 'behandelaar@zaakwerk.test', 'dev');
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith(`${redirectUri}#`)).toBe(true);
    const fragment = fragmentOf(location);
    expect(fragment.get('state')).toBe(state);
    expect(JSON.parse(Buffer.from(fragment.get('client_info') ?? '', 'base64url').toString())).toEqual({
      uid: demoTenant.personas[0].id,
      utid: demoTenant.tenantId,
    });

    const tokens = await redeem({
      client_id: demoTenant.apiApp.clientId,
      grant_type: 'authorization_code',
      code: fragment.get('code') ?? '',
      redirect_uri: redirectUri,
      code_verifier: verifier,
      scope: `${apiScope} openid profile offline_access`,
      client_info: '1',
    });
    expect(tokens.status).toBe(200);
    expect(tokens.json).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: expect.stringContaining(apiScope) as string,
    });
    expect(typeof tokens.json.refresh_token).toBe('string');

    const jwks = createRemoteJWKSet(new URL(stack.m365.jwksUri));
    const { payload: access } = await jwtVerify(String(tokens.json.access_token), jwks, {
      issuer: stack.m365.issuer,
      audience: demoTenant.apiApp.clientId,
    });
    expect(access).toMatchObject({
      oid: demoTenant.personas[0].id,
      tid: demoTenant.tenantId,
      scp: 'access_as_user',
      name: 'Sanne de Vries',
      ver: '2.0',
      azp: demoTenant.apiApp.clientId,
    });
    const { payload: id } = await jwtVerify(String(tokens.json.id_token), jwks, {
      issuer: stack.m365.issuer,
      audience: demoTenant.apiApp.clientId,
    });
    expect(id).toMatchObject({ nonce, preferred_username: 'behandelaar@zaakwerk.test', oid: demoTenant.personas[0].id });
  });

  it('re-renders the form with an error (200) for a wrong password, and issues no code', async () => {
    const form = await showLoginForm(authorizeParams().params);
    const response = await submitLogin(form, 'behandelaar@zaakwerk.test', 'wrong');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('Het e-mailadres of het wachtwoord is onjuist');
    expect(response.headers.get('set-cookie')).toBeNull();
    // An unknown account gets exactly the same answer.
    const unknown = await (await submitLogin(form, 'niemand@zaakwerk.test', 'dev')).text();
    expect(unknown).toContain('Het e-mailadres of het wachtwoord is onjuist');
  });

  it('refuses a wrong code_verifier (invalid_grant) and a second redemption of the same code', async () => {
    const { params, verifier } = authorizeParams();
    const login = await submitLogin(await showLoginForm(params), 'archivaris', 'dev');
    const code = fragmentOf(login.headers.get('location') ?? '').get('code') ?? '';
    const base = {
      client_id: demoTenant.apiApp.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      scope: apiScope,
    };

    const wrongVerifier = await redeem({ ...base, code_verifier: randomBytes(32).toString('base64url') });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.json).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    expect(String(wrongVerifier.json.error_description)).toMatch(/^AADSTS501481: /);
    expect(wrongVerifier.json).toHaveProperty('trace_id');
    expect(wrongVerifier.json).toHaveProperty('correlation_id');
    expect(wrongVerifier.json).toHaveProperty('timestamp');

    const good = await redeem({ ...base, code_verifier: verifier });
    expect(good.status).toBe(200);
    const again = await redeem({ ...base, code_verifier: verifier });
    expect(again.json).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });

  it('rotates refresh tokens: the new one works, the used one does not', async () => {
    const { params, verifier } = authorizeParams();
    const login = await submitLogin(await showLoginForm(params), 'kcc', 'dev');
    const code = fragmentOf(login.headers.get('location') ?? '').get('code') ?? '';
    const first = await redeem({
      client_id: demoTenant.apiApp.clientId,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    const refresh = {
      client_id: demoTenant.apiApp.clientId,
      grant_type: 'refresh_token',
      scope: `${apiScope} openid profile offline_access`,
    };

    const second = await redeem({ ...refresh, refresh_token: String(first.json.refresh_token) });
    expect(second.status).toBe(200);
    expect(decodeJwt(String(second.json.access_token))).toMatchObject({
      oid: demoTenant.personas[5].id,
      roles: ['Zaakwerk.ContactCentre'],
    });
    expect(second.json.refresh_token).not.toBe(first.json.refresh_token);

    const replay = await redeem({ ...refresh, refresh_token: String(first.json.refresh_token) });
    expect(replay.json).toMatchObject({ error: 'invalid_grant' });
    expect((await redeem({ ...refresh, refresh_token: String(second.json.refresh_token) })).status).toBe(200);
  });

  it('signs in silently with the session cookie, and answers login_required without one (prompt=none)', async () => {
    const { params } = authorizeParams();
    const login = await submitLogin(await showLoginForm(params), 'coordinator', 'dev');
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^zaakwerk_m365_session=.+/);

    const silent = authorizeParams({ prompt: 'none' });
    const withSession = await fetch(`${tenantUrl('/oauth2/v2.0/authorize')}?${silent.params}`, {
      redirect: 'manual',
      headers: { Cookie: cookie },
    });
    expect(withSession.status).toBe(302);
    expect(fragmentOf(withSession.headers.get('location') ?? '').get('code')).toBeTruthy();

    const without = await fetch(`${tenantUrl('/oauth2/v2.0/authorize')}?${silent.params}`, { redirect: 'manual' });
    expect(without.status).toBe(302);
    const error = fragmentOf(without.headers.get('location') ?? '');
    expect([error.get('error'), error.get('state')]).toEqual(['login_required', silent.state]);

    const forced = await fetch(`${tenantUrl('/oauth2/v2.0/authorize')}?${authorizeParams({ prompt: 'login' }).params}`, {
      redirect: 'manual',
      headers: { Cookie: cookie },
    });
    expect(forced.status).toBe(200);
  });

  it('shows an error page rather than redirecting for an unregistered redirect URI', async () => {
    const response = await fetch(
      `${tenantUrl('/oauth2/v2.0/authorize')}?${authorizeParams({ redirect_uri: 'https://attacker.example/cb' }).params}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('AADSTS50011');
  });

  it('answers Entra-style errors for an unknown client and a wrong password (ROPC)', async () => {
    const unknown = await redeem({
      client_id: 'f0000000-0000-4000-8000-000000000000',
      grant_type: 'client_credentials',
      client_secret: 'x',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });

    const badPassword = await redeem({
      client_id: demoTenant.apiApp.clientId,
      grant_type: 'password',
      username: 'behandelaar@zaakwerk.test',
      password: 'nope',
      scope: apiScope,
    });
    expect(badPassword.status).toBe(400);
    expect(badPassword.json).toMatchObject({ error: 'invalid_grant', error_codes: [50126] });

    const badSecret = await redeem({
      client_id: demoTenant.botApp.clientId,
      client_secret: 'nope',
      grant_type: 'client_credentials',
      scope: `${demoTenant.apiApp.appIdUri}/.default`,
    });
    expect(badSecret.status).toBe(401);
    expect(badSecret.json).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });

  it('ends the session on logout and returns to a registered address', async () => {
    const login = await submitLogin(await showLoginForm(authorizeParams().params), 'beheerder', 'dev');
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const logout = await fetch(
      `${tenantUrl('/oauth2/v2.0/logout')}?post_logout_redirect_uri=${encodeURIComponent('http://localhost:53000/')}`,
      { redirect: 'manual', headers: { Cookie: cookie } },
    );
    expect([logout.status, logout.headers.get('location')]).toEqual([302, 'http://localhost:53000/']);
    const silent = await fetch(`${tenantUrl('/oauth2/v2.0/authorize')}?${authorizeParams({ prompt: 'none' }).params}`, {
      redirect: 'manual',
      headers: { Cookie: cookie },
    });
    expect(fragmentOf(silent.headers.get('location') ?? '').get('error')).toBe('login_required');
  });
});
