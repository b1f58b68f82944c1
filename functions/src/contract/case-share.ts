import { z } from 'zod';

const person = z.object({ id: z.string(), name: z.string() });

/** POST /api/v1/cases/{id}/shares (If-Match): one person gets access to this one case until `expiresAt`. */
export const ShareCaseRequestSchema = z
  .object({
    userId: z.string().min(1).max(64).meta({ description: 'Entra object id of the person to share with' }),
    access: z.enum(['read', 'write']).meta({ description: '`write`: also update, phase and checklist' }),
    expiresAt: z.iso.datetime({ offset: true }).meta({ description: 'When the share ends (at most a year ahead)' }),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .meta({ id: 'ShareCaseRequest' });

export const CaseShareSchema = z
  .object({
    id: z.string(),
    user: person,
    access: z.enum(['read', 'write']),
    expiresAt: z.iso.datetime(),
    reason: z.string(),
    createdBy: person,
    createdAt: z.iso.datetime(),
    active: z.boolean().meta({ description: 'false once expiresAt has passed' }),
  })
  .meta({ id: 'CaseShare' });

export const CaseShareListSchema = z.object({ items: z.array(CaseShareSchema) }).meta({ id: 'CaseShareList' });

export const CaseShareParamsSchema = z.object({ id: z.uuid(), shareId: z.string().min(1).max(100) });

export type ShareCaseRequest = z.infer<typeof ShareCaseRequestSchema>;
export type CaseShareView = z.infer<typeof CaseShareSchema>;
