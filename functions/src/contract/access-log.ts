import { z } from 'zod';
import { ConfidentialitySchema } from './case-summary';

/** One read of a case (inzageregistratie): who, when, which case, channel and purpose. */
export const AccessRecordSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    case: z.object({ id: z.string(), number: z.string(), caseType: z.string(), confidentiality: ConfidentialitySchema }),
    user: z.object({ id: z.string(), name: z.string() }),
    via: z.object({ appId: z.string(), name: z.string() }).nullable(),
    channel: z.string(),
    purpose: z.string().meta({ description: '`case`, `timeline`, `document:<id>:<version>` for a file downloaded' }),
  })
  .meta({ id: 'AccessRecord' });

export const AccessRecordListSchema = z
  .object({ items: z.array(AccessRecordSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AccessRecordList' });

export const AccessLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

/** The per-person report: an applicant's (or other party's) e-mail address or name, as registered. */
export const PersonAccessLogQuerySchema = AccessLogQuerySchema.extend({
  applicant: z.string().trim().min(2).max(320),
});

export type AccessRecordView = z.infer<typeof AccessRecordSchema>;
export type AccessRecordList = z.infer<typeof AccessRecordListSchema>;
