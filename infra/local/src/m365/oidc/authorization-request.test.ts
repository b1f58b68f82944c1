import { demoTenant } from '../demo-tenant';
import { checkAuthorizationRequest } from './authorization-request';
import { authorizationResponse } from './authorization-response';

const valid = {
  client_id: demoTenant.apiApp.clientId,
  redirect_uri: 'http://localhost:53000/auth',
  response_type: 'code',
  response_mode: 'fragment',
  scope: `${demoTenant.apiApp.appIdUri}/access_as_user openid profile offline_access`,
  state: 'abc',
  nonce: 'n1',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};
const check = (overrides: Record<string, string | undefined>, allowedRedirectOrigins: string[] = []) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...valid, ...overrides })) if (v !== undefined) params.set(k, v);
  return checkAuthorizationRequest(params, { tenantId: demoTenant.tenantId, allowedRedirectOrigins });
};

describe('checkAuthorizationRequest', () => {
  it('accepts what msal-browser sends for the SPA', () => {
    const result = check({});
    expect(result.kind).toBe('ok');
  });

  it('shows a page, never a redirect, for an unknown client or an unregistered redirect URI', () => {
    expect(check({ client_id: '00000000-0000-0000-0000-000000000000' }).kind).toBe('page-error');
    expect(check({ redirect_uri: 'https://evil.example/cb' }).kind).toBe('page-error');
    expect(check({ client_id: demoTenant.botApp.clientId }).kind).toBe('page-error');
  });

  it('accepts a redirect URI on a configured origin', () => {
    expect(check({ redirect_uri: 'https://zaakwerk.example/auth' }, ['https://zaakwerk.example']).kind).toBe('ok');
  });

  it('sends protocol errors back to the application once client and redirect URI are trusted', () => {
    const missingPkce = check({ code_challenge: undefined });
    expect(missingPkce.kind === 'redirect-error' && missingPkce.error.error).toBe('invalid_request');
    const plain = check({ code_challenge_method: 'plain' });
    expect(plain.kind).toBe('redirect-error');
    const implicit = check({ response_type: 'token' });
    expect(implicit.kind === 'redirect-error' && implicit.error.error).toBe('unsupported_response_type');
  });
});

describe('authorizationResponse', () => {
  const target = { redirectUri: 'http://localhost:53000/auth?keep=1', state: 's 1' };

  it('puts the code in the fragment for response_mode=fragment (msal-browser’s default)', () => {
    const response = authorizationResponse({ ...target, responseMode: 'fragment' }, { code: 'c1' });
    expect(response).toEqual({ kind: 'redirect', location: 'http://localhost:53000/auth?keep=1#code=c1&state=s+1' });
  });

  it('adds the code to the query for response_mode=query, keeping existing parameters', () => {
    const response = authorizationResponse({ ...target, responseMode: 'query' }, { code: 'c1' });
    expect(response.kind === 'redirect' && new URL(response.location).searchParams.get('keep')).toBe('1');
    expect(response.kind === 'redirect' && new URL(response.location).searchParams.get('code')).toBe('c1');
  });

  it('posts an escaped auto-submitting form for response_mode=form_post', () => {
    const response = authorizationResponse({ ...target, responseMode: 'form_post' }, { code: '"><x' });
    expect(response.kind === 'form_post' && response.html).toContain('value="&quot;&gt;&lt;x"');
  });
});
