/** Headers on every API response: JSON only, never framed, never sniffed, never cached by default. */
export function securityHeaders(env: 'local' | 'azure'): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...(env === 'azure' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
