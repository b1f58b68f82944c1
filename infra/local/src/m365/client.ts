import { demoTenant } from './demo-tenant';

/**
 * Signs a demo persona in with the password grant (test automation only) and returns the access token.
 * `login` may be `behandelaar` or `behandelaar@zaakwerk.test`; the client is the Zaakwerk SPA/API app.
 */
export async function passwordGrantToken(
  m365: { url: string; tenantId: string },
  login: string,
  password: string,
  scope: string,
): Promise<string> {
  const username = login.includes('@') ? login : `${login}@${demoTenant.domain}`;
  const response = await fetch(`${m365.url}/${m365.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: demoTenant.apiApp.clientId, username, password, scope }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(
      `password grant for ${username} failed (${response.status}): ${body.error ?? ''} ${body.error_description ?? ''}`.trim(),
    );
  }
  return body.access_token;
}

/** The scope for a user token for the Zaakwerk API (`api://…/access_as_user` plus OIDC scopes). */
export const apiUserScope = `${demoTenant.apiApp.appIdUri}/${demoTenant.apiApp.scope} openid profile offline_access`;
