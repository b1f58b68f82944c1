import { z } from 'zod';
import { ChecklistItemSchema, FieldSchema, FragmentSchema, KeySchema, OutcomeSchema } from './case-type';

/*
 * Fragments: a set of fields, a checklist or an outcome list defined once and referenced by case types
 * as `{ fragment: key, version: n }`. Each POST stores the next version (create-only); a case type pins
 * the version it names, and publishing inlines it, so a newer fragment version never changes a type.
 */

const newFragmentBase = { key: KeySchema, name: z.string().min(1) };

/** POST /case-types/fragments: a fragment without its version (the service numbers it). */
export const NewFragmentRequestSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...newFragmentBase, kind: z.literal('fields'), items: z.array(FieldSchema).min(1) }).strict(),
    z.object({ ...newFragmentBase, kind: z.literal('checklist'), items: z.array(ChecklistItemSchema).min(1) }).strict(),
    z.object({ ...newFragmentBase, kind: z.literal('outcomes'), items: z.array(OutcomeSchema).min(1) }).strict(),
  ])
  .meta({ id: 'NewCaseTypeFragment' });

export const FragmentSummarySchema = z
  .object({
    key: KeySchema,
    version: z.number().int().min(1),
    name: z.string(),
    kind: z.enum(['fields', 'checklist', 'outcomes']),
    items: z.number().int().meta({ description: 'How many fields, checklist items or outcomes' }),
  })
  .meta({ id: 'CaseTypeFragmentSummary' });

export const FragmentListSchema = z
  .object({ items: z.array(FragmentSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseTypeFragmentList' });

export const FragmentResponseSchema = FragmentSchema;

export const FragmentVersionParamsSchema = z.object({ key: KeySchema, n: z.coerce.number().int().min(1) });

export type NewFragmentRequest = z.infer<typeof NewFragmentRequestSchema>;
export type FragmentSummary = z.infer<typeof FragmentSummarySchema>;
