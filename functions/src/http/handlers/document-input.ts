import type { HttpRequest } from '@azure/functions';
import type { UserPrincipal } from '../../domain/principal';
import type { GraphActor } from '../../ports/document-store';

/**
 * Whom Graph acts for: the user through on-behalf-of with their own API token; app-only when the bot
 * acts for a user (its token is the bot's, which cannot be exchanged for the user's).
 */
export function graphActorOf(request: HttpRequest, principal: UserPrincipal): GraphActor {
  if (principal.via === 'bot') return { kind: 'app' };
  const assertion = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return assertion ? { kind: 'user', assertion } : { kind: 'app' };
}

/** Content-Length as a number; undefined when absent or not a number. */
export function contentLengthOf(request: HttpRequest): number | undefined {
  const value = request.headers.get('content-length');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** The body's media type without parameters, lower-case. */
export const mediaTypeOf = (request: HttpRequest): string =>
  request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';

/** The request body as a byte stream (empty when there is none). */
export async function* bodyOf(request: HttpRequest): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  for await (const chunk of request.body as AsyncIterable<Uint8Array>) yield chunk;
}

/** RFC 9530 Repr-Digest of a recorded SHA-256 (hex) so clients can check what they downloaded. */
export const reprDigest = (sha256Hex: string): string => `sha-256=:${Buffer.from(sha256Hex, 'hex').toString('base64')}:`;
