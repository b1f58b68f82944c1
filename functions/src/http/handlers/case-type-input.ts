import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { ifMatchRequired, invalidInput } from '../../app/errors';
import { fieldErrors } from '../problem';

/** Largest definition body accepted; storage holds ~450K characters per definition (see case-types.table.ts). */
export const maxDefinitionBytes = 512 * 1024;

/** Route parameters validated like any other input (e.g. a version number that is not a number → 400). */
export function parseParams<T extends z.ZodType>(request: HttpRequest, schema: T): z.output<T> {
  const result = schema.safeParse(request.params);
  if (!result.success) throw invalidInput(fieldErrors('params', result.error.issues));
  return result.data;
}

/** The If-Match header of an update; 428 when it is missing. */
export function requireIfMatch(request: HttpRequest): string {
  const ifMatch = optionalIfMatch(request);
  if (ifMatch === undefined) throw ifMatchRequired();
  return ifMatch;
}

export function optionalIfMatch(request: HttpRequest): string | undefined {
  const value = request.headers.get('if-match')?.trim();
  return value ? value : undefined;
}

export const now = (): string => new Date().toISOString();
