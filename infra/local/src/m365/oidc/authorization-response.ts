import { escapeHtml } from './login-page';
import type { ResponseTarget } from './authorization-request';

export type AuthorizationResponse = { kind: 'redirect'; location: string } | { kind: 'form_post'; html: string };

/**
 * Delivers authorization response parameters to the application with the requested response mode:
 * appended to the redirect URI's query, put in its fragment, or posted by an auto-submitting form.
 */
export function authorizationResponse(target: ResponseTarget, values: Record<string, string | undefined>): AuthorizationResponse {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  if (target.state !== undefined) params.set('state', target.state);
  if (target.responseMode === 'form_post') {
    const inputs = [...params].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
    return {
      kind: 'form_post',
      html: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Doorsturen…</title></head><body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(target.redirectUri)}">${inputs}<noscript><button type="submit">Doorgaan <span lang="en">(continue)</span></button></noscript></form></body></html>`,
    };
  }
  const url = new URL(target.redirectUri);
  if (target.responseMode === 'fragment') {
    url.hash = params.toString();
  } else {
    for (const [k, v] of params) url.searchParams.set(k, v);
  }
  return { kind: 'redirect', location: url.toString() };
}
