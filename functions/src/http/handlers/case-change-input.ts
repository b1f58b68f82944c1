import type { HttpRequest } from '@azure/functions';
import { CaseIdParamsSchema } from '../../contract/case';
import { parseParams, optionalIfMatch } from './case-type-input';

/** The case id and If-Match of a change; a missing If-Match is the use case's 428 (after the 404 check). */
export function caseChangeTarget(request: HttpRequest): { caseId: string; ifMatch: string | undefined } {
  const { id } = parseParams(request, CaseIdParamsSchema);
  return { caseId: id, ifMatch: optionalIfMatch(request) };
}

/** Lifecycle request bodies are small JSON objects. */
export const maxChangeBytes = 256 * 1024;
