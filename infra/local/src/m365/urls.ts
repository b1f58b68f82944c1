/** The public URLs of one local Microsoft 365, laid out like Entra ID and Graph. */
export interface M365Urls {
  base: string;
  tenantId: string;
  issuer: string;
  discovery: string;
  authorize: string;
  login: string;
  token: string;
  logout: string;
  jwks: string;
  graphBase: string;
  userinfo: string;
}

export function m365Urls(base: string, tenantId: string): M365Urls {
  const tenant = `${base}/${tenantId}`;
  return {
    base,
    tenantId,
    issuer: `${tenant}/v2.0`,
    discovery: `${tenant}/v2.0/.well-known/openid-configuration`,
    authorize: `${tenant}/oauth2/v2.0/authorize`,
    login: `${tenant}/oauth2/v2.0/authorize/login`,
    token: `${tenant}/oauth2/v2.0/token`,
    logout: `${tenant}/oauth2/v2.0/logout`,
    jwks: `${tenant}/discovery/v2.0/keys`,
    graphBase: `${base}/graph`,
    userinfo: `${base}/graph/oidc/userinfo`,
  };
}
