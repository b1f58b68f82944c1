import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { AccessLogQuerySchema, AccessRecordListSchema, PersonAccessLogQuerySchema } from './access-log';
import { CaseIdParamsSchema } from './case';
import { ProblemSchema } from './problem';

/** The access paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const accessPaths = ['/v1/cases/{id}/access-log', '/v1/access-log'] as const;

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
}
