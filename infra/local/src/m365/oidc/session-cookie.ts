import type { IncomingMessage } from 'node:http';

const cookieName = 'zaakwerk_m365_session';

/** The sign-in session cookie, scoped to the tenant's path; SameSite=None so silent sign-in in an iframe works. */
export function sessionCookie(tenantId: string, value: string, maxAgeSeconds: number): string {
  return `${cookieName}=${value}; Path=/${tenantId}/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=None`;
}

export function clearedSessionCookie(tenantId: string): string {
  return sessionCookie(tenantId, '', 0);
}

export function readSessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookieName) return rest.join('=') || undefined;
  }
  return undefined;
}
