/**
 * An OAuth 2.0 error as Entra ID returns it: the RFC 6749 `error` plus an AADSTS number, so that MSAL's
 * error handling (which reads `error`, `error_description` and `error_codes`) behaves as it does in Azure.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly aadsts: number,
    readonly description: string,
    readonly status = 400,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}

export interface OAuthErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
}

/** Entra's token-endpoint error body; the description repeats the ids as Entra's does. */
export function oauthErrorBody(
  error: OAuthError,
  ids: { traceId: string; correlationId: string },
  now = new Date(),
): OAuthErrorBody {
  const timestamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error: error.error,
    error_description: `${error.message} Trace ID: ${ids.traceId} Correlation ID: ${ids.correlationId} Timestamp: ${timestamp}`,
    error_codes: [error.aadsts],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
  };
}

/** The errors this stand-in raises, named after what went wrong (AADSTS numbers as Entra uses them). */
export const oauthErrors = {
  missingParameter: (name: string) =>
    new OAuthError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  unknownTenant: (tenant: string) =>
    new OAuthError('invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID.`),
  unknownClient: (clientId: string, tenantId: string) =>
    new OAuthError(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
    ),
  missingClientSecret: () =>
    new OAuthError(
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    ),
  invalidClientSecret: (clientId: string) =>
    new OAuthError(
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      401,
    ),
  unsupportedGrantType: (grantType: string) =>
    new OAuthError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`),
  invalidScope: (detail: string) =>
    new OAuthError('invalid_scope', 70011, `The provided value for the input parameter 'scope' is not valid. ${detail}`),
  appScopeWithoutDefault: (scope: string) =>
    new OAuthError(
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  unknownResource: (resource: string, tenantId: string) =>
    new OAuthError(
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenantId}.`,
    ),
  multipleResources: (scope: string) =>
    new OAuthError(
      'invalid_request',
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
    ),
  badCredentials: () =>
    new OAuthError('invalid_grant', 50126, 'Error validating credentials due to invalid username or password.'),
  invalidCode: (why: string) =>
    new OAuthError('invalid_grant', 70000, `The provided value for the 'code' parameter is not valid. ${why}`),
  codeAlreadyRedeemed: () =>
    new OAuthError(
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    ),
  expiredGrant: () =>
    new OAuthError(
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    ),
  codeVerifierMismatch: () =>
    new OAuthError(
      'invalid_grant',
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    ),
  redirectUriMismatch: (uri: string) =>
    new OAuthError(
      'invalid_grant',
      50011,
      `The redirect URI '${uri}' specified in the request does not match the redirect URI used to obtain the authorization code.`,
    ),
  invalidRefreshToken: (why: string) =>
    new OAuthError('invalid_grant', 9002313, `Invalid request. Request is malformed or invalid. ${why}`),
  invalidAssertion: (why: string) => new OAuthError('invalid_grant', 50013, `Assertion failed signature validation. ${why}`),
  assertionExpired: () => new OAuthError('invalid_grant', 500133, 'Assertion is not within its valid time range.'),
  assertionAudience: (audience: string, clientId: string) =>
    new OAuthError(
      'invalid_grant',
      50013,
      `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was '${audience}' and the expected audience is '${clientId}' or one of the Application Uris of this application.`,
    ),
  consentRequired: (clientId: string, displayName: string) =>
    new OAuthError(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${displayName}'. Send an interactive authorization request for this user and resource.`,
    ),
  userNotFound: () => new OAuthError('invalid_grant', 50034, 'The user account does not exist in the directory.'),
};
