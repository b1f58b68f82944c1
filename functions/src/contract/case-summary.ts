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
    }),
    receivedOn: localDate,
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    confidentiality: ConfidentialitySchema,
  })
  .meta({ id: 'CaseSummary' });

export const CaseListSchema = z
  .object({
    items: z.array(CaseSummarySchema),
    nextCursor: z.string().nullable().meta({ description: 'Opaque; pass as `cursor` for the next page' }),
  })
  .meta({ id: 'CaseList' });

/** The work queues the list endpoint serves; only `mine` exists until team queues arrive (issue 4). */
export const caseQueues = ['mine'] as const;

export const CaseListQuerySchema = z.object({
  queue: z.enum(caseQueues),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

export type CaseStatus = z.infer<typeof CaseStatusSchema>;
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;
