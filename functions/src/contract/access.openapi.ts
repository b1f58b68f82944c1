import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { AccessOverviewSchema } from './access-overview';
import { AccessLogQuerySchema, AccessRecordListSchema, PersonAccessLogQuerySchema } from './access-log';
import { CaseIdParamsSchema } from './case';
import { CaseShareListSchema, CaseShareParamsSchema, CaseShareSchema, ShareCaseRequestSchema } from './case-share';
import { ProblemSchema } from './problem';

/** The access paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const accessPaths = [
  '/v1/cases/{id}/access-log',
  '/v1/access-log',
  '/v1/cases/{id}/shares',
  '/v1/cases/{id}/shares/{shareId}',
  '/v1/access/overview',
  '/v1/cases/{id}/audit',
] as const;

/** GET /api/v1/cases/{id}/audit: the hash chain of the case's events checked end to end. */
export const CaseAuditReportSchema = z
  .object({
    caseId: z.string(),
    ok: z.boolean(),
    count: z.number().int().optional().meta({ description: 'Events checked, when the chain is whole' }),
    brokenAt: z.number().int().optional().meta({ description: 'Sequence of the first event that does not fit' }),
    reason: z.string().optional().meta({ example: 'hash-mismatch' }),
  })
  .meta({ id: 'CaseAuditReport' });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const list = (description: string) => ({ description, content: { 'application/json': { schema: AccessRecordListSchema } } });

export function describeAccessApi(registry: OpenAPIRegistry, secured: { entra: string[] }[]): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/access-log',
    summary: 'Who read this case, newest first (inzageregistratie); auditors and records managers',
    security: secured,
    request: { params: CaseIdParamsSchema, query: AccessLogQuerySchema },
    responses: {
      200: list('One page of access records'),
      400: problem('Invalid id or query'),
      401: problem('No, invalid or expired bearer token'),
      403: problem('The case is visible, but its access log is not for this user (`auth.not-allowed`)'),
      404: problem('No such case, or not visible to this user (`case.not-found`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/audit',
    summary: "Checks the case's event hash chain and reports the first broken link (auditors, records managers)",
    security: secured,
    request: { params: CaseIdParamsSchema },
    responses: {
      200: { description: 'The verdict', content: { 'application/json': { schema: CaseAuditReportSchema } } },
      400: problem('Invalid id'),
      401: problem('No, invalid or expired bearer token'),
      403: problem('The case is visible, but auditing it is not for this user (`auth.not-allowed`)'),
      404: problem('No such case, or not visible to this user (`case.not-found`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/access-log',
    summary: 'Who looked at the files of one person (a party, by e-mail address or name), across cases',
    security: secured,
    request: { query: PersonAccessLogQuerySchema },
    responses: {
      200: list('One page of access records of cases where the person is a party, newest first'),
      400: problem('Invalid query'),
      401: problem('No, invalid or expired bearer token'),
      403: problem('Not an auditor or records manager (`auth.not-allowed`)'),
    },
  });
  const refused = {
    401: problem('No, invalid or expired bearer token'),
    403: problem('The case is visible, but sharing it is not for this user (`auth.not-allowed`)'),
    404: problem('No such case, or not visible to this user (`case.not-found`)'),
  };
  const ifMatch = z.object({ 'if-match': z.string().meta({ description: 'The ETag of the case as last read' }) });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/shares',
    summary: 'Share the case with one person until a moment (coordinators of the type)',
    security: secured,
    request: {
      params: CaseIdParamsSchema,
      headers: ifMatch,
      body: { content: { 'application/json': { schema: ShareCaseRequestSchema } } },
    },
    responses: {
      201: {
        description: "The share; ETag is the case's new ETag",
        content: { 'application/json': { schema: CaseShareSchema } },
      },
      400: problem('Invalid id or body'),
      ...refused,
      409: problem('The case is closed (`case.closed`)'),
      412: problem('If-Match is not the current ETag'),
      422: problem('Unknown user (`case.share-user-unknown`) or expiry not within a year ahead (`case.share-expiry-invalid`)'),
      428: problem('No If-Match'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/shares',
    summary: 'Who the case is shared with, until when',
    security: secured,
    request: { params: CaseIdParamsSchema },
    responses: {
      200: { description: 'The shares', content: { 'application/json': { schema: CaseShareListSchema } } },
      400: problem('Invalid id'),
      ...refused,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/cases/{id}/shares/{shareId}',
    summary: 'End a share now',
    security: secured,
    request: { params: CaseShareParamsSchema, headers: ifMatch },
    responses: {
      204: { description: "Ended; ETag is the case's new ETag" },
      400: problem('Invalid id'),
      ...refused,
      412: problem('If-Match is not the current ETag'),
      428: problem('No If-Match'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/access/overview',
    summary: "Who has which rights where: global roles and each case type's access list (administrators, auditors)",
    security: secured,
    responses: {
      200: { description: 'The overview', content: { 'application/json': { schema: AccessOverviewSchema } } },
      401: problem('No, invalid or expired bearer token'),
      403: problem('Not an administrator or auditor (`auth.not-allowed`)'),
    },
  });
}
