import type { HttpRequest } from '@azure/functions';
import { invalidInput } from '../../app/errors';
import { UploadDocumentQuerySchema, type UploadDocumentQuery } from '../../contract/case-documents';
import type { ProblemFieldError } from '../../contract/problem';
import { fieldErrors } from '../problem';
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

/**
 * The query and length of an upload, every problem of both listed in one 400 (an invalid query, no
 * Content-Length, an empty file). What needs the case (the document type) is checked by the use case.
 */
export function parseUploadInput(request: HttpRequest): UploadDocumentQuery & { size: number } {
  const raw: Record<string, string> = {};
  for (const key of new Set(request.query.keys())) raw[key] = request.query.get(key) ?? '';
  const query = UploadDocumentQuerySchema.safeParse(raw);
  const problems: ProblemFieldError[] = query.success ? [] : fieldErrors('query', query.error.issues);
  const size = contentLengthOf(request);
  if (size === undefined)
    problems.push({
      path: 'headers.content-length',
      code: 'document.length-required',
      message: 'Send the file size as Content-Length.',
    });
  else if (size === 0) problems.push({ path: 'body', code: 'document.empty', message: 'The file is empty (0 bytes).' });
  if (!query.success || size === undefined || problems.length > 0) throw invalidInput(problems);
  return { ...query.data, size };
}
