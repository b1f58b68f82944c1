import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CaseTypeDefinitionSchema } from './case-type';
import {
  CaseTypeDiffQuerySchema,
  CaseTypeDiffSchema,
  CaseTypeDraftSchema,
  CaseTypeExportQuerySchema,
  CaseTypeKeyParamsSchema,
  CaseTypeListQuerySchema,
  CaseTypeListSchema,
  CaseTypeVersionListSchema,
  CaseTypeVersionParamsSchema,
  CaseTypeVersionResponseSchema,
} from './case-type-api';
import { MigrateCasesRequestSchema, MigrationOutcomeSchema } from './case-type-migration';
import {
  FragmentListSchema,
  FragmentResponseSchema,
  FragmentVersionParamsSchema,
  NewFragmentRequestSchema,
} from './fragment-api';
import { ProblemSchema } from './problem';

/** The case-type paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const caseTypePaths = [
  '/v1/case-types',
  '/v1/case-types/drafts/{key}',
  '/v1/case-types/import',
  '/v1/case-types/{key}/versions',
  '/v1/case-types/{key}/versions/{n}',
  '/v1/case-types/{key}/publish',
  '/v1/case-types/{key}/versions/{n}/retire',
  '/v1/case-types/{key}/diff',
  '/v1/case-types/{key}/versions/{n}/export',
  '/v1/case-types/{key}/versions/{n}/migrations',
  '/v1/case-types/fragments',
  '/v1/case-types/fragments/{key}/versions/{n}',
] as const;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const auth = { 401: problem('No, invalid or expired bearer token'), 403: problem('Not allowed') };
const adminAuth = {
  401: auth[401],
  403: problem('Not an administrator (app role Zaakwerk.Admin)'),
};
const invalid = {
  400: problem('Malformed definition (`case-type.malformed`) or invalid input; every issue in `errors` by path'),
  422: problem('Rules across the definition fail (`case-type.invalid`); every issue in `errors` by path'),
};
const ifMatch = z.object({ 'if-match': z.string().meta({ description: 'The ETag last read' }) });
const idempotencyKey = z.string().optional().meta({
  description: 'A retry with the same key and request gets the first response (24 h); another request under it gets 422',
});
const definitionBody = { content: { 'application/json': { schema: CaseTypeDefinitionSchema } } };

export function describeCaseTypeApi(registry: OpenAPIRegistry, security: { entra: string[] }[]): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types',
    summary: 'Published case types the caller may start (latest version each), by key, paged',
    security,
    request: { query: CaseTypeListQuerySchema },
    responses: { 200: json('The case types', CaseTypeListSchema), 400: problem('Invalid limit or cursor'), ...auth },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/case-types',
    summary: 'Create a draft (administrators)',
    security,
    request: { headers: z.object({ 'idempotency-key': idempotencyKey }), body: definitionBody },
    responses: {
      201: json('The draft (ETag header)', CaseTypeDraftSchema),
      ...invalid,
      ...adminAuth,
      409: problem('The key already has a draft (`case-type.draft-exists`)'),
      413: problem('Definition too large'),
      415: problem('Not application/json'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types/drafts/{key}',
    summary: 'The draft of a case type (administrators)',
    security,
    request: { params: CaseTypeKeyParamsSchema },
    responses: { 200: json('The draft (ETag header)', CaseTypeDraftSchema), ...adminAuth, 404: problem('No draft') },
  });
  registry.registerPath({
    method: 'put',
    path: '/v1/case-types/drafts/{key}',
    summary: 'Replace the draft (administrators; If-Match required)',
    security,
    request: { params: CaseTypeKeyParamsSchema, headers: ifMatch, body: definitionBody },
    responses: {
      200: json('The saved draft (new ETag)', CaseTypeDraftSchema),
      ...invalid,
      ...adminAuth,
      404: problem('No draft'),
      412: problem('The draft changed since it was read (`case-type.draft-changed`)'),
      428: problem('If-Match missing (`request.if-match-required`)'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/case-types/import',
    summary: 'Import a YAML or JSON file into the draft of its key (administrators)',
    security,
    request: {
      headers: z.object({
        'if-match': z.string().optional().meta({ description: 'Required when the key has a draft' }),
        'idempotency-key': idempotencyKey,
      }),
      body: {
        content: {
          'application/yaml': { schema: z.string() },
          'application/json': { schema: CaseTypeDefinitionSchema },
        },
      },
    },
    responses: {
      200: json('The replaced draft', CaseTypeDraftSchema),
      201: json('The new draft', CaseTypeDraftSchema),
      ...invalid,
      ...adminAuth,
      412: problem('The draft changed'),
      415: problem('Neither YAML nor JSON'),
      428: problem('The key has a draft and If-Match is missing'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types/{key}/versions',
    summary: 'Every version of a case type, paged',
    security,
    request: { params: CaseTypeKeyParamsSchema, query: CaseTypeListQuerySchema },
    responses: {
      200: json('Versions, lowest first', CaseTypeVersionListSchema),
      400: problem('Invalid limit or cursor'),
      ...auth,
      404: problem('Never published'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types/{key}/versions/{n}',
    summary: 'One version as published',
    security,
    request: { params: CaseTypeVersionParamsSchema },
    responses: { 200: json('The version (ETag header)', CaseTypeVersionResponseSchema), ...auth, 404: problem('Unknown') },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/case-types/{key}/publish',
    summary: 'Publish the draft as immutable version n+1 (administrators)',
    security,
    request: {
      params: CaseTypeKeyParamsSchema,
      headers: z.object({
        'if-match': z.string().optional().meta({ description: 'Publish only this draft' }),
        'idempotency-key': idempotencyKey,
      }),
    },
    responses: {
      201: json('The new version', CaseTypeVersionResponseSchema),
      ...adminAuth,
      409: problem('No draft (`case-type.no-draft`) or a concurrent publish (`case-type.version-conflict`)'),
      412: problem('The draft changed'),
      422: problem('The draft is no longer valid (e.g. a fragment is gone); every issue in `errors`'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/case-types/{key}/versions/{n}/retire',
    summary: 'Stop new cases on a version (administrators)',
    security,
    request: { params: CaseTypeVersionParamsSchema },
    responses: {
      200: json('The retired version', CaseTypeVersionResponseSchema),
      ...adminAuth,
      404: problem('Unknown version'),
      409: problem('Already retired (`case-type.already-retired`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types/{key}/diff',
    summary: 'Differences between two versions, or a version and the draft (administrators, coordinators)',
    security,
    request: { params: CaseTypeKeyParamsSchema, query: CaseTypeDiffQuerySchema },
    responses: {
      200: json('Structured differences', CaseTypeDiffSchema),
      400: problem('Invalid query'),
      ...auth,
      404: problem('Unknown version or no draft'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types/{key}/versions/{n}/export',
    summary: 'A version as a YAML or JSON file (administrators)',
    security,
    request: { params: CaseTypeVersionParamsSchema, query: CaseTypeExportQuerySchema },
    responses: {
      200: {
        description: 'The definition file',
        content: { 'application/yaml': { schema: z.string() }, 'application/json': { schema: CaseTypeDefinitionSchema } },
      },
      ...adminAuth,
      404: problem('Unknown version'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/case-types/{key}/versions/{n}/migrations',
    summary: 'Move running cases to this version (administrators); each case migrated or refused with every reason',
    security,
    request: {
      params: CaseTypeVersionParamsSchema,
      body: { content: { 'application/json': { schema: MigrateCasesRequestSchema } } },
    },
    responses: {
      200: json('Per case: migrated (case.migrated event, new ETag) or refused with reasons', MigrationOutcomeSchema),
      400: problem('Invalid input; every issue in `errors`'),
      ...adminAuth,
      404: problem('No such case type version (`case-type.not-found`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types/fragments',
    summary: 'Every fragment version, by key then version, paged (administrators)',
    security,
    request: { query: CaseTypeListQuerySchema },
    responses: { 200: json('The fragment versions', FragmentListSchema), 400: problem('Invalid limit or cursor'), ...adminAuth },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/case-types/fragments',
    summary: 'Store the next version of a fragment (fields, checklist or outcomes) to reuse in case types (administrators)',
    security,
    request: {
      headers: z.object({ 'idempotency-key': idempotencyKey }),
      body: { content: { 'application/json': { schema: NewFragmentRequestSchema } } },
    },
    responses: {
      201: json('The stored fragment version; case types pin it as {fragment, version}', FragmentResponseSchema),
      400: problem('Invalid fragment; every issue in `errors` by path'),
      422: problem('Duplicate item keys (`fragment.invalid`), or Idempotency-Key reused'),
      ...adminAuth,
      409: problem('Another version was stored at the same moment (`fragment.version-conflict`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/case-types/fragments/{key}/versions/{n}',
    summary: 'One fragment version (administrators)',
    security,
    request: { params: FragmentVersionParamsSchema },
    responses: { 200: json('The fragment', FragmentResponseSchema), ...adminAuth, 404: problem('No such fragment version') },
  });
}
