import { findApp, isRegisteredRedirectUri, type AppRegistration } from './apps';
import { OAuthError, oauthErrors } from './oauth-error';
import { isValidCodeChallenge } from './pkce';
import { parseDelegatedScopes } from './scopes';

export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** Where and how an authorization response (code or error) goes back to the application. */
export interface ResponseTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}

export interface AuthorizationRequest extends ResponseTarget {
  app: AppRegistration;
  scope: string;
  codeChallenge: string;
  nonce?: string;
  prompt?: string;
  loginHint?: string;
}

export type AuthorizationRequestCheck =
  | { kind: 'ok'; request: AuthorizationRequest }
  /** The request cannot be answered at its redirect URI (unknown client, unregistered URI): show a page. */
  | { kind: 'page-error'; error: OAuthError }
  | { kind: 'redirect-error'; error: OAuthError; target: ResponseTarget };

const responseModes: readonly ResponseMode[] = ['query', 'fragment', 'form_post'];
const prompts = ['none', 'login', 'select_account', 'consent', 'create'];

/**
 * Validates an authorization request in Entra's order: only once client and redirect URI are trusted
 * may errors travel back to the redirect URI. PKCE with S256 is required for every request.
 */
export function checkAuthorizationRequest(
  params: URLSearchParams,
  opts: { tenantId: string; allowedRedirectOrigins: readonly string[] },
): AuthorizationRequestCheck {
  const clientId = params.get('client_id');
  if (!clientId) return { kind: 'page-error', error: oauthErrors.missingParameter('client_id') };
  const app = findApp(clientId);
  if (!app) return { kind: 'page-error', error: oauthErrors.unknownClient(clientId, opts.tenantId) };
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) return { kind: 'page-error', error: oauthErrors.missingParameter('redirect_uri') };
  if (!isRegisteredRedirectUri(app, redirectUri, opts.allowedRedirectOrigins)) {
    return {
      kind: 'page-error',
      error: new OAuthError(
        'invalid_request',
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${app.clientId}'.`,
      ),
    };
  }
  const mode = params.get('response_mode') ?? 'query';
  const target: ResponseTarget = {
    redirectUri,
    responseMode: (responseModes as readonly string[]).includes(mode) ? (mode as ResponseMode) : 'query',
    ...(params.get('state') !== null ? { state: params.get('state') as string } : {}),
  };
  const fail = (error: OAuthError): AuthorizationRequestCheck => ({ kind: 'redirect-error', error, target });
  if (!(responseModes as readonly string[]).includes(mode))
    return fail(new OAuthError('invalid_request', 900144, `The response_mode '${mode}' is not supported.`));
  const responseType = params.get('response_type');
  if (!responseType) return fail(oauthErrors.missingParameter('response_type'));
  if (responseType !== 'code')
    return fail(
      new OAuthError('unsupported_response_type', 70005, `response_type '${responseType}' is not enabled for the application.`),
    );
  const scope = params.get('scope');
  try {
    parseDelegatedScopes(scope, opts.tenantId);
  } catch (error) {
    if (error instanceof OAuthError) return fail(error);
    throw error;
  }
  const codeChallenge = params.get('code_challenge');
  if (!codeChallenge)
    return fail(
      new OAuthError(
        'invalid_request',
        9002325,
        'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      ),
    );
  if (params.get('code_challenge_method') !== 'S256' || !isValidCodeChallenge(codeChallenge)) {
    return fail(
      new OAuthError(
        'invalid_request',
        501491,
        'Invalid code_challenge: only code_challenge_method S256 with a 43-character challenge is supported.',
      ),
    );
  }
  const prompt = params.get('prompt') ?? undefined;
  if (prompt && !prompts.includes(prompt))
    return fail(new OAuthError('invalid_request', 90023, `The prompt value '${prompt}' is not supported.`));
  return {
    kind: 'ok',
    request: {
      ...target,
      app,
      scope: scope as string,
      codeChallenge,
      ...(params.get('nonce') ? { nonce: params.get('nonce') as string } : {}),
      ...(prompt ? { prompt } : {}),
      ...(params.get('login_hint') ? { loginHint: params.get('login_hint') as string } : {}),
    },
  };
}
