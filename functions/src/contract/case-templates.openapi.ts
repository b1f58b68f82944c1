import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CaseIdParamsSchema } from './case';
import { CaseDocumentSchema } from './case-documents';
import { EmailDraftRequestSchema, EmailDraftSchema, GenerateDocumentRequestSchema } from './case-templates';
import { ProblemSchema } from './problem';

/** The template paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const caseTemplatePaths = ['/v1/cases/{id}/documents/generate', '/v1/cases/{id}/email-drafts'] as const;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const optionalIfMatch = z.object({
  'if-match': z.string().optional().meta({ description: 'Optional: refuse (412) unless the case still has this etag' }),
});
const missingData =
  'Missing data: every placeholder the case has no value for (`template.value-missing`) or that does not exist ' +
  '(`template.placeholder-unknown`) listed with its path (`template.aanvrager.email`); nothing is written';

/** Generating documents and e-mail drafts from templates. */
export function describeCaseTemplateApi(registry: OpenAPIRegistry, secured: { entra: string[] }[]): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents/generate',
    summary: 'Generate a document of a type from its Word template, filled from the case, and file it (source `generated`)',
    security: secured,
    request: {
      params: CaseIdParamsSchema,
      headers: optionalIfMatch,
      body: { content: { 'application/json': { schema: GenerateDocumentRequestSchema } } },
    },
    responses: {
      201: {
        description: 'The recorded document (Location names it)',
        headers: { ETag: { schema: { type: 'string' as const }, description: 'The case’s new etag' } },
        content: { 'application/json': { schema: CaseDocumentSchema } },
      },
      400: problem('Invalid body or not a document type of the case type; every problem listed'),
      401: problem('No, invalid or expired bearer token (`WWW-Authenticate: Bearer`)'),
      403: problem('Authenticated, but not allowed (the upload’s rule: case.update)'),
      404: problem('No such case (`case.not-found`)'),
      409: problem('The case is closed (`case.closed`)'),
      412: problem('If-Match given and stale (`case.etag-mismatch`)'),
      422: problem(`No template for the document type (\`document.no-template\`), or ${missingData}`),
      503: problem('SharePoint, identity or storage unavailable; nothing was recorded'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/email-drafts',
    summary: 'An e-mail draft from a template, filled from the case (not sent, nothing written)',
    security: secured,
    request: {
      params: CaseIdParamsSchema,
      headers: optionalIfMatch,
      body: { content: { 'application/json': { schema: EmailDraftRequestSchema } } },
    },
    responses: {
      200: { description: 'The draft', content: { 'application/json': { schema: EmailDraftSchema } } },
      400: problem('Invalid body'),
      401: problem('No, invalid or expired bearer token (`WWW-Authenticate: Bearer`)'),
      403: problem('Authenticated, but not allowed (case.update)'),
      404: problem('No such case (`case.not-found`)'),
      412: problem('If-Match given and stale (`case.etag-mismatch`)'),
      422: problem(
        `No such e-mail template (\`template.not-found\`), or ${missingData} (an applicant without e-mail address included)`,
      ),
    },
  });
}
