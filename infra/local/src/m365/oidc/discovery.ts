import type { M365Urls } from '../urls';

/** The OpenID Connect discovery document, with the fields and values Entra v2 publishes. */
export function discoveryDocument(urls: M365Urls): Record<string, unknown> {
  return {
    token_endpoint: urls.token,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    jwks_uri: urls.jwks,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: urls.issuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: urls.userinfo,
    authorization_endpoint: urls.authorize,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: urls.logout,
    claims_supported: [
      'sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'auth_time', 'nonce', 'name', 'given_name', 'family_name', 'email',
      'preferred_username', 'oid', 'tid', 'sid', 'ver', 'roles', 'groups', 'scp', 'azp', 'azpacr', 'idtyp',
    ],
    code_challenge_methods_supported: ['S256'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      'client_credentials',
      'password',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    ],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'localhost',
    cloud_graph_host_name: 'localhost',
    msgraph_host: new URL(urls.graphBase).host,
    rbac_url: urls.base,
  };
}
