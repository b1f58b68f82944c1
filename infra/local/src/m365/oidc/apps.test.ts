import { demoTenant } from '../demo-tenant';
import { authenticateClient, findApp, isRegisteredRedirectUri } from './apps';
import { OAuthError } from './oauth-error';

const tenantId = demoTenant.tenantId;
const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('client authentication', () => {
  it('accepts client_secret_post and client_secret_basic as confidential', () => {
    const post = authenticateClient(
      new URLSearchParams({ client_id: demoTenant.botApp.clientId, client_secret: demoTenant.botApp.clientSecret }),
      undefined,
      tenantId,
    );
    expect(post.confidential).toBe(true);
    const viaHeader = authenticateClient(
      new URLSearchParams(),
      basic(demoTenant.botApp.clientId, demoTenant.botApp.clientSecret),
      tenantId,
    );
    expect([viaHeader.app.clientId, viaHeader.confidential]).toEqual([demoTenant.botApp.clientId, true]);
  });

  it('treats a client without a secret as public', () => {
    expect(
      authenticateClient(new URLSearchParams({ client_id: demoTenant.apiApp.clientId }), undefined, tenantId).confidential,
    ).toBe(false);
  });

  it('answers 401 invalid_client for a wrong secret and unauthorized_client (AADSTS700016) for an unknown app', () => {
    const wrong = () =>
      authenticateClient(
        new URLSearchParams({ client_id: demoTenant.botApp.clientId, client_secret: 'nope' }),
        undefined,
        tenantId,
      );
    expect(wrong).toThrow(OAuthError);
    expect(() => wrong()).toThrow(expect.objectContaining({ error: 'invalid_client', status: 401 }) as Error);
    expect(() =>
      authenticateClient(new URLSearchParams({ client_id: 'f0000000-0000-0000-0000-000000000000' }), undefined, tenantId),
    ).toThrow(expect.objectContaining({ error: 'unauthorized_client', aadsts: 700016 }) as Error);
  });
});

describe('redirect URIs of the SPA registration', () => {
  const spa = findApp(demoTenant.apiApp.clientId)!;

  it.each([
    'http://localhost:53000/',
    'http://localhost:3000/taskpane.html',
    'https://localhost:4443/auth',
    'http://127.0.0.1:53000/',
  ])('accepts %s', (uri) => {
    expect(isRegisteredRedirectUri(spa, uri)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://localhost.evil.example/',
    'http://localhost:53000/#frag',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (uri) => {
    expect(isRegisteredRedirectUri(spa, uri)).toBe(false);
  });

  it('accepts configured origins and nothing for the bot, which has no redirect URIs', () => {
    expect(isRegisteredRedirectUri(spa, 'https://tab.zaakwerk.example/auth', ['https://tab.zaakwerk.example'])).toBe(true);
    expect(isRegisteredRedirectUri(findApp(demoTenant.botApp.clientId)!, 'http://localhost:3978/')).toBe(false);
  });
});
