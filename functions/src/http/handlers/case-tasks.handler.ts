import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { getCase } from '../../app/cases/get-case';
import { forbidden, invalidInput } from '../../app/errors';
import { acceptTask, cancelTask, declineTask, reassignTask } from '../../app/tasks/answer-task';
import { completeTask } from '../../app/tasks/complete-task';
import { createTask } from '../../app/tasks/create-task';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import {
  CompleteTaskRequestSchema,
  CreateTaskRequestSchema,
  ReassignTaskRequestSchema,
  TaskIdParamsSchema,
  TaskQueueQuerySchema,
  TaskReasonRequestSchema,
  type TaskQueueBody,
} from '../../contract/case-tasks';
import { parseLocalDate } from '../../domain/calendar';
import type { UserPrincipal } from '../../domain/principal';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody, parseQuery } from '../input';
import { policies } from '../policies';
import { presentTask } from '../presenters/task.presenter';
import { caseChangeTarget, maxChangeBytes } from './case-change-input';
import { optionalIfMatch, parseParams } from './case-type-input';
import type { ChangedTask } from '../../app/tasks/change-task';
import { authorizeCase, caseGuard } from '../../app/access/authorize';

type Deps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'userDirectory' | 'access'>;

/** The task target, guarded: a task of a case the caller cannot see is not found (taskAbilities decides the rest, 403). */
async function guardedTaskTarget(deps: Pick<Dependencies, 'access'>, principal: UserPrincipal, request: HttpRequest) {
  const actor = await deps.access.actorFor(principal);
  return { ...taskTarget(request), authorize: caseGuard(actor, 'case.read') };
}

/** A body that may be left out entirely (no content): then the schema's defaults. */
async function optionalBody<T extends z.ZodType>(request: HttpRequest, schema: T): Promise<z.output<T>> {
  const hasBody = request.headers.has('content-type') || Number(request.headers.get('content-length') ?? '0') > 0;
  return hasBody ? parseJsonBody(request, schema, maxChangeBytes) : schema.parse({});
}

/** The task id and the If-Match of its case. */
function taskTarget(request: HttpRequest): { taskId: string; ifMatch: string | undefined } {
  const { id } = parseParams(request, TaskIdParamsSchema);
  return { taskId: id, ifMatch: optionalIfMatch(request) };
}

/** The task after the change; the ETag is the case's (tasks live in the case row). */
const taskResponse = (changed: ChangedTask, principal: UserPrincipal, status = 200) =>
  json(status, presentTask(changed.task, changed.state, principal), { etag: changed.etag });

/** GET /api/v1/cases/{id}/tasks: the case's tasks with what the caller may do with each; ETag of the case. */
export const listCaseTasksEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'access'>) =>
  defineEndpoint({
    name: 'listCaseTasks',
    methods: ['GET'],
    route: 'v1/cases/{id}/tasks',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const { state, etag } = await getCase(deps, id);
      authorizeCase(await deps.access.actorFor(principal), 'case.read', state);
      return json(200, { items: state.tasks.map((task) => presentTask(task, state, principal)) }, { etag });
    },
  });

/** POST /api/v1/cases/{id}/tasks (If-Match of the case): 201 with the task and the case's new ETag. */
export const createTaskEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'createTask',
    methods: ['POST'],
    route: 'v1/cases/{id}/tasks',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = caseChangeTarget(request);
      const body = await parseJsonBody(request, CreateTaskRequestSchema, maxChangeBytes);
      const actor = await deps.access.actorFor(principal);
      const changed = await createTask(deps, principal, { ...target, ...body, authorize: caseGuard(actor, 'task.create') }, log);
      return taskResponse(changed, principal, 201);
    },
  });

/** POST /api/v1/tasks/{id}/complete { response, decision?, on? } (If-Match of the case). */
export const completeTaskEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'completeTask',
    methods: ['POST'],
    route: 'v1/tasks/{id}/complete',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = await guardedTaskTarget(deps, principal, request);
      const body = await parseJsonBody(request, CompleteTaskRequestSchema, maxChangeBytes);
      const changed = await completeTask(
        deps,
        principal,
        {
          ...target,
          response: body.response,
          ...(body.decision ? { decision: body.decision } : {}),
          ...(body.on ? { on: parseLocalDate(body.on) } : {}),
        },
        log,
      );
      return taskResponse(changed, principal);
    },
  });

/** POST /api/v1/tasks/{id}/accept (If-Match of the case): a delegation taken on. */
export const acceptTaskEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'acceptTask',
    methods: ['POST'],
    route: 'v1/tasks/{id}/accept',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) =>
      taskResponse(await acceptTask(deps, principal, await guardedTaskTarget(deps, principal, request), log), principal),
  });

/** POST /api/v1/tasks/{id}/decline { reason? } (If-Match of the case). */
export const declineTaskEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'declineTask',
    methods: ['POST'],
    route: 'v1/tasks/{id}/decline',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = await guardedTaskTarget(deps, principal, request);
      const body = await optionalBody(request, TaskReasonRequestSchema);
      return taskResponse(await declineTask(deps, principal, { ...target, reason: body.reason }, log), principal);
    },
  });

/** POST /api/v1/tasks/{id}/cancel { reason? } (If-Match of the case). */
export const cancelTaskEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'cancelTask',
    methods: ['POST'],
    route: 'v1/tasks/{id}/cancel',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = await guardedTaskTarget(deps, principal, request);
      const body = await optionalBody(request, TaskReasonRequestSchema);
      return taskResponse(await cancelTask(deps, principal, { ...target, reason: body.reason }, log), principal);
    },
  });

/** POST /api/v1/tasks/{id}/assign { assigneeId } (If-Match of the case). */
export const reassignTaskEndpoint = (deps: Deps) =>
  defineEndpoint({
    name: 'reassignTask',
    methods: ['POST'],
    route: 'v1/tasks/{id}/assign',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const target = await guardedTaskTarget(deps, principal, request);
      const body = await parseJsonBody(request, ReassignTaskRequestSchema, maxChangeBytes);
      return taskResponse(await reassignTask(deps, principal, { ...target, assigneeId: body.assigneeId }, log), principal);
    },
  });

/**
 * GET /api/v1/tasks?mine=true | ?group=<id>: the caller's open tasks across cases (or those of one of the
 * caller's groups), earliest due first, from the work-queue read model: one Table query per page.
 */
export const listMyTasksEndpoint = (deps: Pick<Dependencies, 'taskQueue'>) =>
  defineEndpoint({
    name: 'listMyTasks',
    methods: ['GET'],
    route: 'v1/tasks',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const query = parseQuery(request, TaskQueueQuerySchema);
      if ((query.mine === undefined) === (query.group === undefined)) {
        throw invalidInput([
          { path: 'query', code: 'tasks.queue-required', message: 'Send exactly one of mine=true or group=<id>' },
        ]);
      }
      // authorize: one's own tasks, and those of one's own groups (403 for another group).
      if (query.group !== undefined && !principal.groups.includes(query.group)) {
        throw forbidden('tasks.group-not-allowed', 'You are not a member of that group');
      }
      const paging = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
      const page =
        query.group !== undefined
          ? await deps.taskQueue.listForGroup(query.group, paging)
          : await deps.taskQueue.listAssignedTo(principal.oid, paging);
      const body: TaskQueueBody = {
        items: page.entries.map((entry) => ({
          id: entry.taskId,
          kind: entry.kind,
          title: entry.title,
          status: entry.status,
          dueOn: entry.dueOn,
          case: { id: entry.caseId, number: entry.caseNumber, title: entry.caseTitle, caseTypeName: entry.caseTypeName },
        })),
        nextCursor: page.nextCursor,
      };
      return json(200, body);
    },
  });
