import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CaseIdParamsSchema, CaseSchema } from './case';
import {
  AssignCaseRequestSchema,
  CaseTimelineQuerySchema,
  CaseTimelineSchema,
  ExtendCaseRequestSchema,
  MoveCasePhaseRequestSchema,
  ResumeCaseRequestSchema,
  SuspendCaseRequestSchema,
  TickChecklistItemRequestSchema,
  UpdateCaseRequestSchema,
} from './case-lifecycle';
import { ProblemSchema } from './problem';

/** The lifecycle paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const caseLifecyclePaths = [
  '/v1/cases/{id}/take',
  '/v1/cases/{id}/assign',
  '/v1/cases/{id}/release',
  '/v1/cases/{id}/phase',
  '/v1/cases/{id}/checklist',
  '/v1/cases/{id}/suspend',
  '/v1/cases/{id}/resume',
  '/v1/cases/{id}/extend',
  '/v1/cases/{id}/timeline',
] as const;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const caseResponse = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: 'string' as const }, description: 'The etag to send as If-Match' } },
  content: { 'application/json': { schema: CaseSchema } },
});

const ifMatch = z.object({ 'if-match': z.string().meta({ description: 'The ETag of the case as last read' }) });

/** The problems every case change can answer. */
const changeProblems = {
  400: problem('Invalid id or body (every invalid value listed in `errors`)'),
  401: problem('No, invalid or expired bearer token (`WWW-Authenticate: Bearer`)'),
  403: problem('Authenticated, but not allowed'),
  404: problem('No such case (`case.not-found`)'),
  409: problem('The case is closed (`case.closed`)'),
  412: problem('If-Match is not the current ETag (`case.etag-mismatch`); the ETag header carries the current one'),
  428: problem('No If-Match (`request.if-match-required`)'),
  503: problem('Storage unavailable; nothing was written'),
};

const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

function change(
  registry: OpenAPIRegistry,
  secured: { entra: string[] }[],
  path: string,
  method: 'post' | 'patch',
  summary: string,
  requestBody: z.ZodType | undefined,
  extra: Record<number, ReturnType<typeof problem>> = {},
): void {
  registry.registerPath({
    method,
    path,
    summary,
    security: secured,
    request: { params: CaseIdParamsSchema, headers: ifMatch, ...(requestBody ? { body: body(requestBody) } : {}) },
    responses: { 200: caseResponse('The case after the change, with its new ETag'), ...changeProblems, ...extra },
  });
}

/** PATCH /cases/{id}, take/assign/release, phase moves, checklist ticks and the timeline. */
export function describeCaseLifecycleApi(registry: OpenAPIRegistry, secured: { entra: string[] }[]): void {
  change(registry, secured, '/v1/cases/{id}', 'patch', 'Change title, description or field values', UpdateCaseRequestSchema, {
    422: problem('Field rules broken (`case.field-rules-violated`), every field listed'),
  });
  change(registry, secured, '/v1/cases/{id}/take', 'post', 'The caller becomes the assignee', undefined, {
    409: problem('The case is closed (`case.closed`) or assigned to someone else (`case.already-assigned`)'),
  });
  change(registry, secured, '/v1/cases/{id}/assign', 'post', 'Assign the case to a user', AssignCaseRequestSchema, {
    422: problem('No such user in the tenant (`case.assignee-unknown`)'),
  });
  change(registry, secured, '/v1/cases/{id}/release', 'post', 'Clear the assignee', undefined);
  change(registry, secured, '/v1/cases/{id}/phase', 'post', 'Move to a phase (gates checked)', MoveCasePhaseRequestSchema, {
    422: problem('Gates unmet (`case.phase-gates-unmet`): every open checklist item, missing field and failed entry rule listed'),
  });
  change(
    registry,
    secured,
    '/v1/cases/{id}/checklist',
    'post',
    'Tick or untick a checklist item',
    TickChecklistItemRequestSchema,
    {
      422: problem('The phase has no such checklist item (`case.checklist-item-unknown`)'),
    },
  );
  change(
    registry,
    secured,
    '/v1/cases/{id}/suspend',
    'post',
    'Suspend the term while the applicant supplements (Awb 4:15)',
    SuspendCaseRequestSchema,
    {
      409: problem(
        'Closed (`case.closed`), the type does not allow suspension (`case.suspension-not-allowed`) or already suspended (`case.already-suspended`)',
      ),
      422: problem('The date is before receipt (`deadline.suspension-before-receipt`)'),
    },
  );
  change(
    registry,
    secured,
    '/v1/cases/{id}/resume',
    'post',
    'End the suspension: the information arrived',
    ResumeCaseRequestSchema,
    {
      409: problem('Closed (`case.closed`) or not suspended (`case.not-suspended`)'),
      422: problem('The date is before the suspension began (`deadline.suspension-ends-before-start`)'),
    },
  );
  change(
    registry,
    secured,
    '/v1/cases/{id}/extend',
    'post',
    'Extend the decision term (Awb 4:14 / 7:10)',
    ExtendCaseRequestSchema,
    {
      409: problem('Closed (`case.closed`) or the type does not allow extension (`case.extension-not-allowed`)'),
      422: problem("All extensions together exceed the type's maximum (`deadline.extension-exceeds-maximum`)"),
    },
  );
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/timeline',
    summary: "The case's events, newest first, in Dutch and English",
    security: secured,
    request: { params: CaseIdParamsSchema, query: CaseTimelineQuerySchema },
    responses: {
      200: { description: 'One page of the timeline', content: { 'application/json': { schema: CaseTimelineSchema } } },
      400: problem('Invalid id, limit or cursor'),
      401: changeProblems[401],
      403: changeProblems[403],
      404: changeProblems[404],
      503: problem('The read could not be recorded in the access log (`access-log.unavailable`); nothing is shown'),
    },
  });
}
