import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { AppError, invalidInput } from '../app/errors';
import { fieldErrors } from './problem';

/** Query parameters validated against a zod schema; every invalid parameter is listed in the 400. */
export function parseQuery<T extends z.ZodType>(request: HttpRequest, schema: T): z.output<T> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(request.query.keys())) {
    const values = request.query.getAll(key);
    raw[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw invalidInput(fieldErrors('query', result.error.issues));
  return result.data;
}

/**
 * A JSON body validated against a zod schema: 415 for another media type, 413 past `maxBytes`
 * (checked on the declared length and again while reading), 400 for malformed JSON or invalid fields.
 */
export async function parseJsonBody<T extends z.ZodType>(
  request: HttpRequest,
  schema: T,
  maxBytes: number,
): Promise<z.output<T>> {
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (contentType !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(contentType)) {
    throw new AppError('unsupported-media-type', 'request.unsupported-media-type', 'Send the body as application/json.');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readText(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', 'request.malformed-json', 'The body is not valid JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw invalidInput(fieldErrors('body', result.error.issues));
  return result.data;
}

/** The body as UTF-8 text, refused with 413 past `maxBytes` (declared or while reading). */
export async function readText(request: HttpRequest, maxBytes: number): Promise<string> {
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (maxBytes: number) =>
  new AppError('payload-too-large', 'request.too-large', `The body is larger than ${Math.floor(maxBytes / 1024)} KiB.`);
