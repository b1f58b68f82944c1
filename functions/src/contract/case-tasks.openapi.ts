import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CaseIdParamsSchema, CaseSchema } from './case';
import {
  AddCaseLinkRequestSchema,
  CaseLinkParamsSchema,
  CaseTaskListSchema,
  CaseTaskSchema,
  CloseCaseRequestSchema,
  CompleteTaskRequestSchema,
  CreateTaskRequestSchema,
  ReassignTaskRequestSchema,
  ReopenCaseRequestSchema,
  SetCaseArchiveRequestSchema,
  TaskIdParamsSchema,
  TaskQueueQuerySchema,
  TaskQueueSchema,
  TaskReasonRequestSchema,
} from './case-tasks';
import { ProblemSchema } from './problem';

/** The task, closing and archive paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const caseTaskPaths = [
  '/v1/tasks',
  '/v1/cases/{id}/tasks',
  '/v1/tasks/{id}/complete',
  '/v1/tasks/{id}/accept',
  '/v1/tasks/{id}/decline',
  '/v1/tasks/{id}/cancel',
  '/v1/tasks/{id}/assign',
  '/v1/cases/{id}/close',
  '/v1/cases/{id}/reopen',
  '/v1/cases/{id}/archive',
  '/v1/cases/{id}/links',
  '/v1/cases/{id}/links/{otherId}',
] as const;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
const etagHeader = { ETag: { schema: { type: 'string' as const }, description: "The case's etag to send as If-Match" } };
const ifMatch = z.object({ 'if-match': z.string().meta({ description: 'The ETag of the case as last read' }) });
const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const common = {
  400: problem('Invalid id or body (every invalid value listed in `errors`)'),
  401: problem('No, invalid or expired bearer token (`WWW-Authenticate: Bearer`)'),
  412: problem("If-Match is not the case's current ETag (`case.etag-mismatch`)"),
  428: problem('No If-Match (`request.if-match-required`)'),
  503: problem('Storage unavailable; nothing was written'),
};

function taskAction(
  registry: OpenAPIRegistry,
  secured: { entra: string[] }[],
  action: string,
  summary: string,
  requestBody?: z.ZodType,
  extra: Record<number, ReturnType<typeof problem>> = {},
) {
  registry.registerPath({
    method: 'post',
    path: `/v1/tasks/{id}/${action}`,
    summary,
    security: secured,
    request: { params: TaskIdParamsSchema, headers: ifMatch, ...(requestBody ? { body: body(requestBody) } : {}) },
    responses: {
      200: {
        description: "The task after the change; ETag is the case's new one",
        headers: etagHeader,
        content: { 'application/json': { schema: CaseTaskSchema } },
      },
      ...common,
      403: problem("Not the one who may do this (`task.not-allowed`; see the task's abilities)"),
      404: problem('No such task (`task.not-found`)'),
      409: problem('The case is closed (`case.closed`) or the task is no longer open (`task.not-open`)'),
      ...extra,
    },
  });
}

function caseAction(
  registry: OpenAPIRegistry,
  secured: { entra: string[] }[],
  method: 'post' | 'put',
  path: string,
  summary: string,
  requestBody: z.ZodType,
  extra: Record<number, ReturnType<typeof problem>>,
) {
  registry.registerPath({
    method,
    path,
    summary,
    security: secured,
    request: { params: CaseIdParamsSchema, headers: ifMatch, body: body(requestBody) },
    responses: {
      200: {
        description: 'The case after the change, with its new ETag',
        headers: etagHeader,
        content: { 'application/json': { schema: CaseSchema } },
      },
      ...common,
      404: problem('No such case (`case.not-found`)'),
      ...extra,
    },
  });
}

/** Tasks inside a case, closing with an outcome, reopening, and the records manager's archive endpoint. */
export function describeCaseTaskApi(registry: OpenAPIRegistry, secured: { entra: string[] }[]): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/tasks',
    summary: "The caller's open tasks across cases (`mine=true`) or a group's of the caller's (`group=<id>`), earliest due first",
    security: secured,
    request: { query: TaskQueueQuerySchema },
    responses: {
      200: { description: 'One page of tasks', content: { 'application/json': { schema: TaskQueueSchema } } },
      400: problem('Invalid query, or not exactly one of mine/group (`tasks.queue-required`)'),
      401: common[401],
      403: problem('Not a member of that group (`tasks.group-not-allowed`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/tasks',
    summary: "The case's tasks, with what the caller may do with each",
    security: secured,
    request: { params: CaseIdParamsSchema },
    responses: {
      200: { description: 'The tasks', headers: etagHeader, content: { 'application/json': { schema: CaseTaskListSchema } } },
      400: common[400],
      401: common[401],
      404: problem('No such case (`case.not-found`)'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/tasks',
    summary: 'Make a task: to-do, consultation, approval, delegation or information request',
    security: secured,
    request: { params: CaseIdParamsSchema, headers: ifMatch, body: body(CreateTaskRequestSchema) },
    responses: {
      201: {
        description: "The task; ETag is the case's new one",
        headers: etagHeader,
        content: { 'application/json': { schema: CaseTaskSchema } },
      },
      ...common,
      403: problem("Only the case's assignee, a coordinator or an administrator makes tasks (`task.create-not-allowed`)"),
      404: problem('No such case (`case.not-found`)'),
      409: problem(
        'Closed (`case.closed`); suspending request on a type without suspension (`case.suspension-not-allowed`) or already suspended',
      ),
      422: problem(
        'Unknown assignee or approval rule, missing term, reminder after due date (`task.invalid`, every problem listed)',
      ),
    },
  });
  taskAction(
    registry,
    secured,
    'complete',
    'Answer a task (an approval with its decision); a suspending information request resumes the case',
    CompleteTaskRequestSchema,
    {
      409: problem('Closed case, task not open (`task.not-open`) or a delegation not yet accepted (`task.not-accepted`)'),
      422: problem(
        'An approval without decision (`task.decision-required`) or a decision on another kind (`task.decision-not-applicable`)',
      ),
    },
  );
  taskAction(registry, secured, 'accept', 'Accept a delegation', undefined, {
    409: problem('Closed case, not a delegation (`task.not-acceptable`) or not open (`task.not-open`)'),
  });
  taskAction(registry, secured, 'decline', 'Decline a delegation or consultation', TaskReasonRequestSchema);
  taskAction(
    registry,
    secured,
    'cancel',
    'Withdraw an open task (a suspending information request resumes the case)',
    TaskReasonRequestSchema,
  );
  taskAction(registry, secured, 'assign', 'Give an open task to another person', ReassignTaskRequestSchema, {
    422: problem('No such user in the tenant (`task.invalid`)'),
  });
  caseAction(
    registry,
    secured,
    'post',
    '/v1/cases/{id}/close',
    'Close with an outcome of the type; archive action and date derived',
    CloseCaseRequestSchema,
    {
      403: problem("Only the case's assignee, a coordinator or an administrator closes it (`case.close-not-allowed`)"),
      409: problem('Already closed (`case.closed`)'),
      422: problem(
        'Conditions unmet (`case.close-gates-unmet`): unknown outcome, date, suspension, checklist items, required fields, entry rule, required approvals missing/pending/rejected, open tasks — every one listed',
      ),
    },
  );
  caseAction(
    registry,
    secured,
    'post',
    '/v1/cases/{id}/reopen',
    'Reopen a closed case; outcome and archive data cleared',
    ReopenCaseRequestSchema,
    {
      403: problem('Only coordinators and administrators reopen (`case.reopen-not-allowed`)'),
      409: problem('The case is not closed (`case.not-closed`)'),
    },
  );
  caseAction(
    registry,
    secured,
    'put',
    '/v1/cases/{id}/archive',
    "Records managers: set the manual or late field trigger date of a closed case's retention, or recompute it",
    SetCaseArchiveRequestSchema,
    {
      403: problem('Records managers only'),
      409: problem('The case is not closed (`case.not-closed`)'),
      422: problem(
        'The trigger derives its date (`archive.trigger-date-derived`), needs one (`archive.trigger-date-required`) or the field value is invalid',
      ),
    },
  );
  caseAction(
    registry,
    secured,
    'post',
    '/v1/cases/{id}/links',
    'Link another case (parent, child, related); it stores the inverse view',
    AddCaseLinkRequestSchema,
    {
      409: problem(
        'This case is closed, already has a parent (`case.parent-exists`) or is linked to that case otherwise (`case.link-exists`)',
      ),
      422: problem('No such other case (`case.link-target-unknown`) or the case itself (`case.link-to-itself`)'),
    },
  );
  registry.registerPath({
    method: 'delete',
    path: '/v1/cases/{id}/links/{otherId}',
    summary: 'Remove the link on both sides (a repeat completes a half-done removal)',
    security: secured,
    request: { params: CaseLinkParamsSchema, headers: ifMatch },
    responses: {
      200: {
        description: 'The case after the change, with its new ETag',
        headers: etagHeader,
        content: { 'application/json': { schema: CaseSchema } },
      },
      ...common,
      404: problem('No such case (`case.not-found`)'),
      409: problem('The case is closed (`case.closed`)'),
    },
  });
}
