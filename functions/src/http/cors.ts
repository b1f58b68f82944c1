import type { ApiConfig } from '../config';

const allowedMethods = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
// The acting-user header is for the bot (server to server) only, so browsers may not send it.
const allowedHeaders = 'Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Correlation-Id, traceparent';
const exposedHeaders = 'ETag, Location, Retry-After, WWW-Authenticate, x-correlation-id';
const localhostOrigin = /^https?:\/\/localhost(:\d{1,5})?$/;

export function isAllowedOrigin(origin: string, http: ApiConfig['http']): boolean {
  return http.allowedOrigins.includes(origin) || (http.allowAnyLocalhostOrigin && localhostOrigin.test(origin));
}

/** Headers for an actual (non-preflight) response; none when there is no or a foreign Origin. */
export function corsResponseHeaders(origin: string | null, http: ApiConfig['http']): Record<string, string> {
  if (!origin || !isAllowedOrigin(origin, http)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': exposedHeaders, vary: 'Origin' };
}

export function corsPreflightHeaders(origin: string, http: ApiConfig['http']): Record<string, string> {
  return {
    ...corsResponseHeaders(origin, http),
    'access-control-allow-methods': allowedMethods,
    'access-control-allow-headers': allowedHeaders,
    'access-control-max-age': '600',
  };
}
