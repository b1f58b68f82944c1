import { demoTenant } from '../demo-tenant';
import { findApp } from './apps';
import { OAuthError } from './oauth-error';
import { grantedDelegatedScopes, parseAppScope, parseDelegatedScopes, responseScope } from './scopes';

const tenantId = demoTenant.tenantId;
const apiScope = `${demoTenant.apiApp.appIdUri}/access_as_user`;
const apiApp = findApp(demoTenant.apiApp.clientId)!;

function oauthErrorOf(run: () => unknown): OAuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected an OAuth error');
}

describe('scope parsing', () => {
  it('resolves a fully qualified API scope to the API, separating the OpenID Connect scopes', () => {
    const request = parseDelegatedScopes(`${apiScope} openid profile offline_access`, tenantId);
    expect(request.resource.kind).toBe('api');
    expect(request.resource.audience).toBe(demoTenant.apiApp.clientId);
    expect(request.scopes).toEqual(['access_as_user']);
    expect(request.oidc).toEqual(['openid', 'profile', 'offline_access']);
  });

  it('reads bare scope names as Microsoft Graph scopes, in their canonical case', () => {
    const request = parseDelegatedScopes('user.read Files.ReadWrite.All', tenantId);
    expect(request.resource.audience).toBe('https://graph.microsoft.com');
    expect(request.scopes).toEqual(['User.Read', 'Files.ReadWrite.All']);
  });

  it('gives an OpenID-Connect-only request a Graph User.Read token, as Entra does', () => {
    const request = parseDelegatedScopes('openid profile', tenantId);
    expect([request.resource.kind, request.scopes]).toEqual(['graph', ['User.Read']]);
  });

  it('refuses scopes of two resources in one request (AADSTS28000)', () => {
    expect(oauthErrorOf(() => parseDelegatedScopes(`${apiScope} User.Read`, tenantId)).aadsts).toBe(28000);
  });

  it('refuses an unknown resource (AADSTS500011) and an unknown scope (invalid_scope)', () => {
    expect(oauthErrorOf(() => parseDelegatedScopes('api://elsewhere/read', tenantId)).aadsts).toBe(500011);
    expect(oauthErrorOf(() => parseDelegatedScopes(`${demoTenant.apiApp.appIdUri}/delete_everything`, tenantId)).error).toBe(
      'invalid_scope',
    );
  });

  it('expands Graph .default to the delegated permissions consented for the app', () => {
    const request = parseDelegatedScopes('https://graph.microsoft.com/.default', tenantId);
    expect(grantedDelegatedScopes(request, apiApp)).toEqual(demoTenant.apiApp.graphDelegatedPermissions);
  });

  it('accepts only <resource>/.default for client credentials (AADSTS1002012 otherwise)', () => {
    expect(parseAppScope(`${demoTenant.apiApp.appIdUri}/.default`, tenantId).audience).toBe(demoTenant.apiApp.clientId);
    expect(parseAppScope('https://graph.microsoft.com/.default', tenantId).audience).toBe('https://graph.microsoft.com');
    expect(oauthErrorOf(() => parseAppScope(apiScope, tenantId)).aadsts).toBe(1002012);
  });

  it('reports API scopes fully qualified in the token response', () => {
    const request = parseDelegatedScopes(`${apiScope} openid offline_access`, tenantId);
    expect(responseScope(request.resource, ['access_as_user'], request.oidc)).toBe(`${apiScope} openid`);
  });
});
