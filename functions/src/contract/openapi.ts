import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { accessPaths, describeAccessApi } from './access.openapi';
import { CaseIdOrNumberParamsSchema, CaseSchema, RegisterCaseRequestSchema } from './case';
import { caseLifecyclePaths, describeCaseLifecycleApi } from './case-lifecycle.openapi';
import { caseTaskPaths, describeCaseTaskApi } from './case-tasks.openapi';
import { CaseListQuerySchema, CaseListSchema, QueueCountsListSchema } from './case-summary';
import { caseDocumentPaths, describeCaseDocumentApi } from './case-documents.openapi';
import { caseTemplatePaths, describeCaseTemplateApi } from './case-templates.openapi';
import { caseTypePaths, describeCaseTypeApi } from './case-types.openapi';
import { HealthSchema } from './health';
import { MeSchema } from './me';
import { ProblemSchema } from './problem';
import { describeSignalsApi, signalPaths } from './signals.openapi';

/** The paths in the document; a test checks each endpoint of the endpoint table is described. */
export const documentedPaths = [
  '/v1/health',
  '/v1/me',
  '/v1/cases',
  '/v1/queues',
  '/v1/cases/{id}',
  '/v1/openapi.json',
  ...caseLifecyclePaths,
  ...caseTaskPaths,
  ...caseTypePaths,
  ...accessPaths,
  ...signalPaths,
  ...caseDocumentPaths,
  ...caseTemplatePaths,
] as const;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const authProblems = {
  401: problem('No, invalid or expired bearer token (`WWW-Authenticate: Bearer`)'),
  403: problem('Authenticated, but not allowed'),
};

function describeApi(registry: OpenAPIRegistry): void {
  registry.registerComponent('securitySchemes', 'entra', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Microsoft Entra ID v2 access token for the Zaakwerk API (scope `access_as_user`)',
  });
  const secured = [{ entra: [] }];

  registry.registerPath({
    method: 'get',
    path: '/v1/health',
    summary: 'Health of the API and each dependency',
    responses: {
      200: { description: 'All dependencies up', content: { 'application/json': { schema: HealthSchema } } },
      503: { description: 'A dependency is down (same shape)', content: { 'application/json': { schema: HealthSchema } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/me',
    summary: 'The signed-in user (or the user the bot acts for), with global roles',
    security: secured,
    request: {
      headers: z.object({
        'x-zaakwerk-acting-user': z.string().optional().meta({
          description: 'Entra object id of the user the bot acts for; accepted from the bot app identity only',
        }),
      }),
    },
    responses: {
      200: { description: 'The user', content: { 'application/json': { schema: MeSchema } } },
      ...authProblems,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases',
    summary: 'A work queue of cases, sorted by final deadline',
    security: secured,
    request: { query: CaseListQuerySchema },
    responses: {
      200: { description: 'One page of the queue', content: { 'application/json': { schema: CaseListSchema } } },
      400: problem('Invalid query (every invalid parameter listed in `errors`)'),
      ...authProblems,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/queues',
    summary: 'Counts per work queue (mine, team, each case type), with how many are at risk or overdue today',
    security: secured,
    responses: {
      200: { description: 'The counts', content: { 'application/json': { schema: QueueCountsListSchema } } },
      ...authProblems,
    },
  });
  const caseResponse = (description: string) => ({
    description,
    headers: { ETag: { schema: { type: 'string' as const }, description: 'The etag to send as If-Match' } },
    content: { 'application/json': { schema: CaseSchema } },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases',
    summary: 'Register a case from the published case type valid on receivedOn',
    security: secured,
    request: {
      headers: z.object({
        'idempotency-key': z.string().optional().meta({
          description: 'A retry with the same key and body returns the first result; another body under the key is refused (422)',
        }),
      }),
      body: { content: { 'application/json': { schema: RegisterCaseRequestSchema } } },
    },
    responses: {
      201: caseResponse('The registered case (also for an Idempotency-Key replay)'),
      400: problem('Invalid body: every unknown field, wrongly typed value or unknown party role listed (`case.invalid`)'),
      409: problem('The first request with this Idempotency-Key is still running (`request.idempotency-in-progress`)'),
      413: problem('Body too large'),
      415: problem('Not application/json'),
      422: problem(
        'Unknown or not startable case type, field rules broken (`case.field-rules-violated`), or Idempotency-Key reused',
      ),
      503: problem('Storage unavailable or no case number could be allocated'),
      ...authProblems,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}',
    summary: 'A case by its id (uuid) or its number (ZAAK-2026-000123)',
    security: secured,
    request: { params: CaseIdOrNumberParamsSchema },
    responses: {
      200: caseResponse('The case'),
      400: problem('The id is neither a uuid nor a case number'),
      404: problem('No such case (`case.not-found`)'),
      ...authProblems,
      503: problem('The read could not be recorded in the access log (`access-log.unavailable`); nothing is shown'),
    },
  });
  describeCaseLifecycleApi(registry, secured);
  describeCaseTaskApi(registry, secured);
  describeCaseTypeApi(registry, secured);
  describeAccessApi(registry, secured);
  describeSignalsApi(registry, secured);
  describeCaseDocumentApi(registry, secured);
  describeCaseTemplateApi(registry, secured);
  registry.registerPath({
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: z.object({}) } } } },
  });
}

/** Builds the OpenAPI 3.1 document from the zod contract; deterministic, so the drift check can compare. */
export function buildOpenApiDocument(version: string): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  describeApi(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Zaakwerk API',
      version,
      description: 'Case management inside Microsoft 365. Errors are RFC 9457 problem details with a stable `code`.',
    },
    servers: [{ url: '/api' }],
  });
}
