import { z } from 'zod';
import { caseTaskKinds, caseTaskStatuses } from '../domain/cases/case-state';
import { IsoDurationSchema } from './case-type';

const localDate = z.iso.date().meta({ description: 'Local date (Europe/Amsterdam), YYYY-MM-DD' });
const person = z.object({ id: z.string(), name: z.string() });
const text = (max: number) => z.string().trim().min(1).max(max);

/** What the user may do with the task now (taskAbilities), so clients never re-implement the rule. */
export const TaskAbilitiesSchema = z
  .object({ complete: z.boolean(), accept: z.boolean(), decline: z.boolean(), cancel: z.boolean(), reassign: z.boolean() })
  .meta({ id: 'TaskAbilities' });

/** A task inside a case (to-do, consultation, approval, delegation, information request). */
export const CaseTaskSchema = z
  .object({
    id: z.string().meta({ description: '`<caseId>.<n>`', example: '0193b0c2-7f1e-4c6a-9d1b-2f3e4a5b6c7d.3' }),
    caseId: z.string(),
    kind: z.enum(caseTaskKinds),
    title: z.string(),
    description: z.string().nullable(),
    templateKey: z.string().nullable().meta({ description: "The case type's task template, or null when made by hand" }),
    phase: z.string().nullable(),
    assignee: person.nullable(),
    assigneeGroup: z.string().nullable(),
    requiredBy: z.string().nullable().meta({ description: 'The business rule (key) that requires this approval' }),
    requiredRole: z.string().nullable().meta({ description: 'The role whose holders may answer a required approval' }),
    dueOn: localDate.nullable(),
    remindOn: localDate.nullable(),
    status: z.enum(caseTaskStatuses),
    decision: z.enum(['approved', 'rejected']).nullable(),
    response: z.string().nullable(),
    suspendsCase: z.boolean(),
    createdBy: person,
    createdAt: z.iso.datetime(),
    answeredBy: person.nullable(),
    answeredAt: z.iso.datetime().nullable(),
    abilities: TaskAbilitiesSchema,
  })
  .meta({ id: 'CaseTask' });

export const CaseTaskListSchema = z.object({ items: z.array(CaseTaskSchema) }).meta({ id: 'CaseTaskList' });

/** POST /api/v1/cases/{id}/tasks (If-Match of the case). */
export const CreateTaskRequestSchema = z
  .object({
    kind: z.enum(caseTaskKinds),
    title: text(200),
    description: z.string().max(10_000).optional(),
    assigneeId: z.string().min(1).max(64).optional().meta({ description: 'Entra object id; may hold no Zaakwerk role' }),
    assigneeGroup: z.string().min(1).max(64).optional().meta({ description: 'Entra group id, when no person is chosen' }),
    dueOn: localDate.optional(),
    remindOn: localDate.optional(),
    requiredBy: z.string().min(1).max(64).optional().meta({ description: 'Approvals: the business rule key that requires it' }),
    suspendCase: z.boolean().optional().meta({
      description: 'Information requests: suspend the case (Awb 4:15) when its type allows it; answering resumes it',
    }),
    term: IsoDurationSchema.optional().meta({ description: 'The term given to the applicant (needed with suspendCase)' }),
  })
  .strict()
  .meta({ id: 'CreateTaskRequest' });

/** POST /api/v1/tasks/{id}/complete (If-Match of the case). */
export const CompleteTaskRequestSchema = z
  .object({
    response: z.string().max(10_000).nullable().default(null),
    decision: z.enum(['approved', 'rejected']).optional().meta({ description: 'Approvals only, and required there' }),
    on: localDate.optional().meta({ description: 'Information requests: the day the information arrived (default today)' }),
  })
  .strict()
  .meta({ id: 'CompleteTaskRequest' });

/** POST /api/v1/tasks/{id}/decline and /cancel (If-Match of the case). */
export const TaskReasonRequestSchema = z
  .object({ reason: z.string().trim().max(2000).nullable().default(null) })
  .strict()
  .meta({ id: 'TaskReasonRequest' });

/** POST /api/v1/tasks/{id}/assign (If-Match of the case). */
export const ReassignTaskRequestSchema = z
  .object({ assigneeId: z.string().min(1).max(64) })
  .strict()
  .meta({ id: 'ReassignTaskRequest' });

export const TaskIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\.\d{1,6}$/)
    .meta({ description: '`<caseId>.<n>`' }),
});

/** POST /api/v1/cases/{id}/close (If-Match). */
export const CloseCaseRequestSchema = z
  .object({
    outcome: z.string().min(1).max(64).meta({ description: 'Key of an outcome of the case type' }),
    on: localDate.optional().meta({ description: 'The closing date; defaults to today' }),
  })
  .strict()
  .meta({ id: 'CloseCaseRequest' });

/** POST /api/v1/cases/{id}/reopen (If-Match). */
export const ReopenCaseRequestSchema = z
  .object({ reason: text(500) })
  .strict()
  .meta({ id: 'ReopenCaseRequest' });

/** PUT /api/v1/cases/{id}/archive (If-Match): records managers only. */
export const SetCaseArchiveRequestSchema = z
  .object({
    triggerDate: localDate.optional().meta({
      description:
        "Trigger `manual`: the date the retention period counts from; trigger `field`: the field's late value. Omit to recompute",
    }),
    reason: text(500),
  })
  .strict()
  .meta({ id: 'SetCaseArchiveRequest' });

/** POST /api/v1/cases/{id}/links (If-Match): the other case stores the inverse view. */
export const AddCaseLinkRequestSchema = z
  .object({
    kind: z.enum(['parent', 'child', 'related']).meta({ description: 'What the other case is to this one' }),
    case: z.uuid().meta({ description: 'The id of the other case' }),
  })
  .strict()
  .meta({ id: 'AddCaseLinkRequest' });

export const CaseLinkParamsSchema = z.object({ id: z.uuid(), otherId: z.uuid() });

/** GET /api/v1/tasks?mine=true (the caller's open tasks across cases) or ?group=<id> (a group of the caller's). */
export const TaskQueueQuerySchema = z.object({
  mine: z.enum(['true']).optional().meta({ description: '`true`: the tasks assigned to the caller' }),
  group: z.uuid().optional().meta({ description: "An Entra group of the caller's: the tasks that name only that group" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

export const TaskQueueItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(caseTaskKinds),
    title: z.string(),
    status: z.enum(caseTaskStatuses),
    dueOn: localDate.nullable(),
    case: z.object({ id: z.string(), number: z.string(), title: z.string(), caseTypeName: z.string() }),
  })
  .meta({ id: 'TaskQueueItem' });

export const TaskQueueSchema = z
  .object({
    items: z.array(TaskQueueItemSchema).meta({ description: 'Earliest due date first; read model, so it may lag a moment' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'TaskQueue' });

export type TaskQueueBody = z.infer<typeof TaskQueueSchema>;
export type CaseTaskBody = z.infer<typeof CaseTaskSchema>;
export type CreateTaskRequestBody = z.infer<typeof CreateTaskRequestSchema>;
export type CompleteTaskRequest = z.infer<typeof CompleteTaskRequestSchema>;
export type CloseCaseRequest = z.infer<typeof CloseCaseRequestSchema>;
export type ReopenCaseRequest = z.infer<typeof ReopenCaseRequestSchema>;
export type SetCaseArchiveRequest = z.infer<typeof SetCaseArchiveRequestSchema>;
