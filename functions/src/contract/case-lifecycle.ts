import { z } from 'zod';
import { eventChannels } from '../domain/events/case-event';
import { CalendarDurationSchema } from './case-type';

const key = z.string().min(1).max(64);

/** PATCH /api/v1/cases/{id} (If-Match). `fields` are merged into the case's values and checked against its type. */
export const UpdateCaseRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(10_000).nullable().optional(),
    fields: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .meta({ id: 'UpdateCaseRequest' });

/** POST /api/v1/cases/{id}/assign (If-Match). */
export const AssignCaseRequestSchema = z
  .object({ assigneeId: z.string().min(1).max(64).meta({ description: 'Entra object id of the new assignee' }) })
  .strict()
  .meta({ id: 'AssignCaseRequest' });

/** POST /api/v1/cases/{id}/phase (If-Match). */
export const MoveCasePhaseRequestSchema = z
  .object({ phase: key.meta({ description: 'Key of a phase of the case type' }) })
  .strict()
  .meta({ id: 'MoveCasePhaseRequest' });

/** POST /api/v1/cases/{id}/checklist (If-Match). */
export const TickChecklistItemRequestSchema = z
  .object({ phase: key, item: key, done: z.boolean() })
  .strict()
  .meta({ id: 'TickChecklistItemRequest' });

const localDate = z.iso.date().meta({ description: 'Local date (Europe/Amsterdam), YYYY-MM-DD' });
const reason = z.string().trim().min(1).max(500);

/** POST /api/v1/cases/{id}/suspend (If-Match): the request to the applicant to supplement (Awb 4:15). */
export const SuspendCaseRequestSchema = z
  .object({
    on: localDate.meta({ description: 'The day of the request to the applicant' }),
    reason: reason.meta({ example: 'wacht op aanvulling' }),
    term: CalendarDurationSchema.meta({
      description: 'The term given to the applicant; a request without its own term does not suspend (case law)',
      example: 'P2W',
    }),
  })
  .strict()
  .meta({ id: 'SuspendCaseRequest' });

/** POST /api/v1/cases/{id}/resume (If-Match): the day the information arrived. */
export const ResumeCaseRequestSchema = z
  .object({ on: localDate.meta({ description: 'The day the information arrived (not itself suspended)' }) })
  .strict()
  .meta({ id: 'ResumeCaseRequest' });

/** POST /api/v1/cases/{id}/extend (If-Match): verdaging (Awb 4:14 / 7:10). */
export const ExtendCaseRequestSchema = z
  .object({ duration: CalendarDurationSchema.meta({ example: 'P6W' }), reason })
  .strict()
  .meta({ id: 'ExtendCaseRequest' });

export const CaseTimelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

const person = z.object({ id: z.string(), name: z.string() });

/** One event of a case as people read it. */
export const TimelineEntrySchema = z
  .object({
    sequence: z.number().int().min(1),
    type: z.string().meta({ example: 'case.phase-changed' }),
    occurredAt: z.iso.datetime(),
    actor: person,
    onBehalfOf: person.optional().meta({ description: 'The user an app (the bot) acted for' }),
    channel: z.enum(eventChannels),
    summary: z.object({ nl: z.string(), en: z.string() }).meta({
      example: { nl: 'Fase gewijzigd van Intake naar Beoordeling', en: 'Phase changed from Intake to Beoordeling' },
    }),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'TimelineEntry' });

export const CaseTimelineSchema = z
  .object({
    items: z.array(TimelineEntrySchema).meta({ description: 'Newest first' }),
    nextCursor: z.string().nullable().meta({ description: 'Opaque; pass as `cursor` for the next page' }),
  })
  .meta({ id: 'CaseTimeline' });

export type UpdateCaseRequest = z.infer<typeof UpdateCaseRequestSchema>;
export type AssignCaseRequest = z.infer<typeof AssignCaseRequestSchema>;
export type MoveCasePhaseRequest = z.infer<typeof MoveCasePhaseRequestSchema>;
export type TickChecklistItemRequest = z.infer<typeof TickChecklistItemRequestSchema>;
export type SuspendCaseRequest = z.infer<typeof SuspendCaseRequestSchema>;
export type ResumeCaseRequest = z.infer<typeof ResumeCaseRequestSchema>;
export type ExtendCaseRequest = z.infer<typeof ExtendCaseRequestSchema>;
export type TimelineEntryBody = z.infer<typeof TimelineEntrySchema>;
export type CaseTimeline = z.infer<typeof CaseTimelineSchema>;
