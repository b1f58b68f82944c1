import { z } from 'zod';
import { confidentialityLevels } from '../domain/confidentiality';

export const CaseStatusSchema = z.enum(['open', 'suspended', 'closed']).meta({ id: 'CaseStatus' });
export const ConfidentialitySchema = z.enum(confidentialityLevels).meta({ id: 'Confidentiality' });
const localDate = z.iso.date().meta({ description: 'Local date (Europe/Amsterdam), YYYY-MM-DD' });

/** One line of a work queue: enough to show and sort a case without loading it. */
export const CaseSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ example: 'ZAAK-2026-000123' }),
    title: z.string(),
    caseType: z.object({ key: z.string(), name: z.string() }),
    status: CaseStatusSchema,
    phase: z.object({ key: z.string(), name: z.string() }).nullable(),
    deadline: z.object({
      final: localDate.nullable().meta({ description: 'Final deadline (uiterlijke einddatum afdoening)' }),
      atRisk: z.boolean().meta({ description: 'Fewer working days left than the case type allows (computed today)' }),
      overdue: z.boolean().meta({ description: 'Past the final deadline (computed today)' }),
    }),
    receivedOn: localDate,
    updatedAt: z.iso.datetime().optional().meta({ description: 'Last change of the case (absent on rows not yet re-projected)' }),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    confidentiality: ConfidentialitySchema,
  })
  .meta({ id: 'CaseSummary' });

export const CaseListSchema = z
  .object({
    items: z.array(CaseSummarySchema),
    nextCursor: z.string().nullable().meta({
      description:
        'Opaque; pass as `cursor` for the next page. A page may hold fewer than `limit` items (rows the reader may not see or that miss a search term are read past) while this is set: page on until it is null',
    }),
  })
  .meta({ id: 'CaseList' });

/**
 * The work queues the list endpoint serves: `mine` (assigned to me), `team` (the case types my Entra
 * groups handle), `all` (every case type's queue; what each user may see is filtered by the access policy).
 */
export const caseQueues = ['mine', 'team', 'all'] as const;

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const CaseListQuerySchema = z.object({
  queue: z.enum(caseQueues),
  caseType: z.string().min(1).max(64).optional(),
  status: z.enum(['open', 'suspended']).optional(),
  phase: z.string().min(1).max(64).optional().meta({ description: 'Only cases in this phase (its key)' }),
  assignee: z
    .string()
    .regex(/^[0-9a-fA-F-]{36}$/, 'an Entra object id')
    .optional()
    .meta({ description: 'Only cases assigned to this person (Entra object id)' }),
  overdue: flag.optional(),
  atRisk: z
    .literal('true')
    .transform(() => true)
    .optional()
    .meta({ description: 'Only cases at risk today' }),
  q: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({
      description:
        'Text in the title or number: words match as prefixes ("dak" finds "Dakkapel"), diacritics and case ignored; ' +
        'numbers exactly ("123", "000123", "2026-000123" and "ZAAK-2026-000123" find ZAAK-2026-000123). Every term must ' +
        'match. Results in final-deadline order per matching word; only with sort=deadline.',
    }),
  sort: z
    .enum(['deadline', 'received', 'updated'])
    .default('deadline')
    .meta({
      description:
        'deadline: earliest final deadline first, cases without one last; received: newest received first; ' +
        'updated: most recently changed first',
    }),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .meta({ description: "The sort's own direction only (deadline asc, received and updated desc); the reverse is refused" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

const QueueCountsSchema = z.object({ total: z.number().int(), atRisk: z.number().int(), overdue: z.number().int() });

/** GET /api/v1/queues: how many cases each of my queues holds, and how many are at risk or overdue today. */
export const QueueCountsListSchema = z
  .object({
    mine: QueueCountsSchema,
    team: QueueCountsSchema,
    caseTypes: z.array(QueueCountsSchema.extend({ key: z.string(), name: z.string() })),
  })
  .meta({ id: 'QueueCounts' });

export type CaseStatus = z.infer<typeof CaseStatusSchema>;
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
export type QueueCountsList = z.infer<typeof QueueCountsListSchema>;
