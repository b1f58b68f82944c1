import { randomUUID } from 'node:crypto';
import type { DirectoryUser } from '../directory-store';
import { readForm } from '../http/body';
import { redirect, sendHtml } from '../http/respond';
import type { Exchange } from '../http/router';
import { clientInfo } from '../tokens/claims';
import { checkAuthorizationRequest, type AuthorizationRequest, type ResponseTarget } from './authorization-request';
import { authorizationResponse } from './authorization-response';
import type { IdentityContext } from './identity-context';
import { renderErrorPage, renderLoginPage } from './login-page';
import { OAuthError, oauthErrors } from './oauth-error';
import { readSessionCookie, sessionCookie } from './session-cookie';

const sessionSeconds = 12 * 3600;

/**
 * GET /{tenant}/oauth2/v2.0/authorize: validates the request, then signs in silently from the session
 * cookie, or shows the sign-in form, or (prompt=none without a usable session) answers login_required.
 */
export async function handleAuthorize(ctx: IdentityContext, ex: Exchange): Promise<void> {
  if (ex.params.tenant !== ctx.tenantId)
    return sendHtml(ex.res, 400, renderErrorPage(oauthErrors.unknownTenant(ex.params.tenant ?? '').message));
  const request = checkRequest(ctx, ex, ex.url.searchParams);
  if (!request) return;
  const session = await currentSession(ctx, ex);
  const hintMatches = !request.loginHint || (session && sameLogin(session.user, request.loginHint));
  if (request.prompt === 'none') {
    if (!session)
      return deliverError(
        ex,
        request,
        new OAuthError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'),
      );
    if (!hintMatches)
      return deliverError(
        ex,
        request,
        new OAuthError('interaction_required', 16000, 'The signed-in user does not match the requested login_hint.'),
      );
    return deliverCode(ctx, ex, request, session.user, session.sid, session.authTime);
  }
  const mustShowForm =
    !session || !hintMatches || ['login', 'select_account', 'consent', 'create'].includes(request.prompt ?? '');
  if (mustShowForm || !session) {
    return sendLoginPage(ctx, ex, { login: request.loginHint ?? session?.user.userPrincipalName ?? '' });
  }
  return deliverCode(ctx, ex, request, session.user, session.sid, session.authTime);
}

/** POST of the sign-in form: checks the credentials, starts a session and sends the code to the application. */
export async function handleLogin(ctx: IdentityContext, ex: Exchange): Promise<void> {
  if (ex.params.tenant !== ctx.tenantId)
    return sendHtml(ex.res, 400, renderErrorPage(oauthErrors.unknownTenant(ex.params.tenant ?? '').message));
  const form = await readForm(ex.req, 64 * 1024);
  const original = new URLSearchParams(form.get('authorization_request') ?? '');
  const request = checkRequest(ctx, ex, original);
  if (!request) return;
  const login = form.get('login') ?? '';
  const user = await ctx.directory.verifyPassword(login, form.get('password') ?? '');
  if (!user) return sendLoginPage(ctx, ex, { login, failed: true, authorizationRequest: original.toString() });
  const authTime = ctx.now();
  const sid = randomUUID();
  const cookie = await ctx.grants.createSession({ userId: user.id, authTime, sid });
  ex.res.setHeader('Set-Cookie', sessionCookie(ctx.tenantId, cookie, sessionSeconds));
  return deliverCode(ctx, ex, request, user, sid, authTime);
}

function checkRequest(ctx: IdentityContext, ex: Exchange, params: URLSearchParams): AuthorizationRequest | undefined {
  const check = checkAuthorizationRequest(params, { tenantId: ctx.tenantId, allowedRedirectOrigins: ctx.allowedRedirectOrigins });
  if (check.kind === 'ok') return check.request;
  if (check.kind === 'page-error') sendHtml(ex.res, 400, renderErrorPage(check.error.message));
  else deliverError(ex, check.target, check.error);
  return undefined;
}

async function currentSession(
  ctx: IdentityContext,
  ex: Exchange,
): Promise<{ user: DirectoryUser; sid: string; authTime: number } | undefined> {
  const cookie = readSessionCookie(ex.req);
  const session = cookie ? await ctx.grants.getSession(cookie) : undefined;
  const user = session ? await ctx.directory.findUser(session.userId) : undefined;
  return session && user ? { user, sid: session.sid, authTime: session.authTime } : undefined;
}

function sendLoginPage(
  ctx: IdentityContext,
  ex: Exchange,
  page: { login: string; failed?: boolean; authorizationRequest?: string },
): void {
  const html = renderLoginPage({
    action: ctx.urls.login,
    authorizationRequest: page.authorizationRequest ?? ex.url.searchParams.toString(),
    login: page.login,
    failed: page.failed ?? false,
  });
  // The form posts to this server; the redirect that follows goes to the app, so form-action allows both.
  const origins = new Set(["'self'"]);
  const redirectUri = new URLSearchParams(page.authorizationRequest ?? ex.url.searchParams.toString()).get('redirect_uri');
  if (redirectUri) origins.add(new URL(redirectUri).origin);
  sendHtml(ex.res, 200, html, {
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${[...origins].join(' ')}; frame-ancestors 'none'`,
  });
}

async function deliverCode(
  ctx: IdentityContext,
  ex: Exchange,
  request: AuthorizationRequest,
  user: DirectoryUser,
  sid: string,
  authTime: number,
): Promise<void> {
  const code = await ctx.grants.issueCode({
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    userId: user.id,
    scope: request.scope,
    codeChallenge: request.codeChallenge,
    sessionId: sid,
    authTime,
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  deliver(ex, request, { code, client_info: clientInfo(user.id, ctx.tenantId), session_state: sid });
}

function deliverError(ex: Exchange, target: ResponseTarget, error: OAuthError): void {
  deliver(ex, target, { error: error.error, error_description: error.message, error_codes: String(error.aadsts) });
}

function deliver(ex: Exchange, target: ResponseTarget, values: Record<string, string>): void {
  const response = authorizationResponse(target, values);
  if (response.kind === 'redirect') redirect(ex.res, response.location);
  else sendHtml(ex.res, 200, response.html);
}

function sameLogin(user: DirectoryUser, hint: string): boolean {
  return [user.userPrincipalName, user.mail, user.id].some((v) => v.toLowerCase() === hint.toLowerCase());
}
