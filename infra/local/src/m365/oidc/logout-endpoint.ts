import { redirect, sendHtml } from '../http/respond';
import type { Exchange } from '../http/router';
import { appRegistrations, isRegisteredRedirectUri } from './apps';
import type { IdentityContext } from './identity-context';
import { renderSignedOutPage } from './login-page';
import { clearedSessionCookie, readSessionCookie } from './session-cookie';

/** GET /{tenant}/oauth2/v2.0/logout: ends the session and returns to a registered post-logout URI. */
export async function handleLogout(ctx: IdentityContext, ex: Exchange): Promise<void> {
  const cookie = readSessionCookie(ex.req);
  if (cookie) await ctx.grants.endSession(cookie);
  ex.res.setHeader('Set-Cookie', clearedSessionCookie(ctx.tenantId));
  const target = ex.url.searchParams.get('post_logout_redirect_uri');
  const allowed = target && appRegistrations.some((app) => isRegisteredRedirectUri(app, target, ctx.allowedRedirectOrigins));
  if (!target || !allowed) return sendHtml(ex.res, 200, renderSignedOutPage());
  const url = new URL(target);
  const state = ex.url.searchParams.get('state');
  if (state) url.searchParams.set('state', state);
  redirect(ex.res, url.toString());
}
