import { z } from 'zod';

export const signalKindValues = [
  'deadline-at-risk',
  'deadline-overdue',
  'task-overdue',
  'task-reminder',
  'suspension-lapsed',
] as const;

const localDate = z.iso.date().meta({ description: 'Local date (Europe/Amsterdam), YYYY-MM-DD' });

/** A signal raised by the timer for the signed-in user (personally or through one of their groups). */
export const SignalSchema = z
  .object({
    id: z.string().meta({ description: 'Opaque; newest signals sort first' }),
    kind: z.enum(signalKindValues),
    case: z.object({ id: z.string(), number: z.string(), title: z.string() }),
    task: z.object({ id: z.string(), title: z.string() }).nullable(),
    date: localDate.meta({
      description: 'The date the signal is about: final deadline, due date, remind date or the applicant’s last day',
    }),
    raisedAt: z.iso.datetime(),
    summary: z.object({ nl: z.string(), en: z.string() }),
    via: z.enum(['user', 'group']).meta({ description: 'Addressed to you personally, or to a group you are in' }),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Signal' });

export const SignalListSchema = z
  .object({
    items: z.array(SignalSchema),
    nextCursor: z.string().nullable().meta({ description: 'Opaque; pass as `cursor` for the next page' }),
  })
  .meta({ id: 'SignalList' });

export const SignalListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
});

export const SignalIdParamsSchema = z.object({ id: z.string().min(1).max(200) });

export type Signal = z.infer<typeof SignalSchema>;
export type SignalList = z.infer<typeof SignalListSchema>;
