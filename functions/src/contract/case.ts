import { z } from 'zod';
import { eventChannels } from '../domain/events/case-event';
import { CaseStatusSchema, ConfidentialitySchema } from './case-summary';
import { CaseTaskSchema } from './case-tasks';

const localDate = z.iso.date().meta({ description: 'Local date (Europe/Amsterdam), YYYY-MM-DD' });
const instant = z.iso.datetime().meta({ description: 'ISO 8601 UTC instant' });

/** Channels a registration may name; `system` is reserved for timers and projectors. */
export const registrationChannels = eventChannels.filter((channel) => channel !== 'system') as [
  'tab',
  'bot',
  'email',
  'portal',
  'api',
];

export const CasePartySchema = z
  .object({
    role: z.string().min(1).max(64).meta({ description: 'A role key or kind of the case type, e.g. `aanvrager` or `applicant`' }),
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320).optional(),
  })
  .strict()
  .meta({ id: 'CaseParty' });

/** POST /api/v1/cases. `fields` are checked against the case type (every invalid field listed). */
export const RegisterCaseRequestSchema = z
  .object({
    caseType: z.string().min(1).max(200).meta({ description: 'Key of a published case type' }),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(10_000).optional(),
    receivedOn: localDate.optional().meta({ description: 'Defaults to today in Europe/Amsterdam' }),
    channel: z.enum(registrationChannels).optional().meta({ description: 'Defaults to `bot` for the bot, else `api`' }),
    parties: z.array(CasePartySchema).max(50).default([]),
    fields: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .meta({ id: 'RegisterCaseRequest' });

export const CaseAbilitiesSchema = z
  .object({
    update: z.boolean(),
    assign: z.boolean(),
    take: z.boolean(),
    release: z.boolean(),
    suspend: z.boolean(),
    extend: z.boolean(),
    close: z.boolean(),
    reopen: z.boolean(),
  })
  .meta({ id: 'CaseAbilities' });

const named = z.object({ key: z.string(), name: z.string() });

/** A case as the API returns it (API.md "Case"). */
export const CaseSchema = z
  .object({
    id: z.string().meta({ description: 'UUID' }),
    number: z.string().meta({ example: 'ZAAK-2026-000123' }),
    caseType: z.object({ key: z.string(), version: z.number().int(), name: z.string() }),
    title: z.string(),
    description: z.string().nullable(),
    confidentiality: ConfidentialitySchema,
    status: CaseStatusSchema,
    phase: named,
    receivedOn: localDate,
    deadline: z.object({
      final: localDate.nullable().meta({ description: 'Final deadline; null without a legal term or while suspended' }),
      planned: localDate.nullable().meta({ description: 'Service-norm target, or null' }),
      suspendedDays: z.number().int().meta({ description: 'Including an open suspension, counted on to today' }),
      lexSilencio: z.boolean().meta({ description: 'The permit is granted by operation of law when `final` passes' }),
      dwangsom: z
        .object({ days: z.number().int(), amountCents: z.number().int(), capped: z.boolean(), firstDay: localDate })
        .nullable()
        .meta({
          description: 'Awb 4:17 penalty accrued for a late decision (types with a dwangsom), up to today or the closing day',
        }),
    }),
    suspensions: z.array(
      z.object({
        from: localDate,
        until: localDate.nullable(),
        reason: z.string(),
        term: z.string().meta({ description: 'The term given to the applicant to supplement (ISO 8601 duration)' }),
      }),
    ),
    extensions: z.array(z.object({ duration: z.string(), reason: z.string() })),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    parties: z.array(z.object({ role: z.string(), name: z.string(), email: z.string().nullable() })),
    fields: z.record(z.string(), z.unknown()),
    checklist: z.record(z.string(), z.record(z.string(), z.boolean())),
    outcome: named.nullable(),
    closedOn: localDate.nullable(),
    archive: z.object({
      action: z.enum(['retain', 'destroy']).nullable(),
      actionDate: localDate.nullable(),
      status: z.enum(['pending']),
      triggerDate: localDate.nullable().optional().meta({ description: 'The date the retention period counts from' }),
      reason: z
        .string()
        .nullable()
        .optional()
        .meta({ description: 'Why there is (no) action date, e.g. `computed`, `field-empty`' }),
      manualDate: localDate.nullable().optional().meta({ description: 'Trigger manual: the date the records manager set' }),
    }),
    tasks: z.array(CaseTaskSchema),
    links: z.array(
      z
        .object({
          kind: z.enum(['parent', 'child', 'related']),
          caseId: z.string(),
          number: z.string(),
          caseType: z.string().optional(),
          confidentiality: ConfidentialitySchema.optional(),
        })
        .meta({ id: 'CaseLink', description: 'Only links to cases within the reader’s ceiling are shown' }),
    ),
    etag: z.string(),
    createdAt: instant,
    updatedAt: instant,
    abilities: CaseAbilitiesSchema,
  })
  .meta({ id: 'Case' });

export const CaseIdParamsSchema = z.object({ id: z.uuid() });
/** GET /cases/{id}: the uuid or the case number. */
export const CaseIdOrNumberParamsSchema = z.object({
  id: z.union([z.uuid(), z.string().regex(/^[A-Z][A-Z0-9]{0,15}-\d{4}-\d{6,9}$/)]).meta({
    description: 'The case id (uuid) or its number, e.g. `ZAAK-2026-000123`',
  }),
});

export type RegisterCaseRequest = z.infer<typeof RegisterCaseRequestSchema>;
export type Case = z.infer<typeof CaseSchema>;
export type CaseAbilitiesBody = z.infer<typeof CaseAbilitiesSchema>;
