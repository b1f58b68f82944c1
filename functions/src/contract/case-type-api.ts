import { z } from 'zod';
import { ConfidentialitySchema } from './case-summary';
import { CaseTypeDefinitionSchema, CaseTypeSchema, caseTypeStatuses, KeySchema } from './case-type';

/*
 * The case-type endpoints' request and response shapes (definitions themselves: ./case-type.ts).
 * Invalid definitions answer 400 `case-type.malformed` when the structure is wrong (a required
 * property missing, a wrong type, a file that does not parse) and 422 `case-type.invalid` when the
 * structure is right but rules across it fail (unknown field in a rule, duplicate keys, no final
 * phase); both list every issue in `errors` by its path in the definition.
 */

const etag = z.string().meta({ description: 'Also sent as the ETag header; send it back as If-Match to update' });

/** A published (or retired) version as GET returns it. */
export const CaseTypeVersionResponseSchema = CaseTypeSchema.extend({ etag }).meta({ id: 'CaseTypeVersion' });

/** A blocking-free remark on a definition (e.g. a service norm longer than the legal term). */
export const DefinitionWarningSchema = z
  .object({ path: z.string(), code: z.string(), message: z.string() })
  .meta({ id: 'CaseTypeDefinitionWarning' });

/** The draft: the definition as written (fragment references kept, defaults applied) and its state. */
export const CaseTypeDraftSchema = CaseTypeDefinitionSchema.extend({
  status: z.literal('draft'),
  etag,
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().meta({ description: 'Entra object id of who saved it last' }),
  warnings: z.array(DefinitionWarningSchema),
}).meta({ id: 'CaseTypeDraft' });

/** One entry of GET /case-types: the latest published version of a key. */
export const CaseTypeSummarySchema = z
  .object({
    key: KeySchema,
    version: z.number().int().min(1),
    name: z.string(),
    description: z.string(),
    confidentiality: ConfidentialitySchema,
    validFrom: z.iso.date().optional(),
    legalTerm: z.string().optional(),
  })
  .meta({ id: 'CaseTypeSummary' });

export const CaseTypeListSchema = z
  .object({ items: z.array(CaseTypeSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseTypeList' });

export const CaseTypeVersionSummarySchema = z
  .object({
    key: KeySchema,
    version: z.number().int().min(1),
    status: z.enum(caseTypeStatuses),
    name: z.string(),
    validFrom: z.iso.date().optional(),
    publishedAt: z.iso.datetime().optional(),
    retiredAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'CaseTypeVersionSummary' });

export const CaseTypeVersionListSchema = z
  .object({ items: z.array(CaseTypeVersionSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseTypeVersionList' });

const collectionDiff = z.object({
  added: z.array(z.object({ key: z.string(), item: z.unknown() })),
  removed: z.array(z.object({ key: z.string(), item: z.unknown() })),
  changed: z.array(
    z.object({
      key: z.string(),
      changes: z.array(z.object({ property: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

/** Structured differences between two versions (or a version and the draft). */
export const CaseTypeDiffSchema = z
  .object({
    from: z.object({ key: z.string(), version: z.number().int().optional() }),
    to: z.object({ key: z.string(), version: z.number().int().optional() }),
    properties: z.array(z.object({ property: z.string(), before: z.unknown(), after: z.unknown() })),
    phases: collectionDiff,
    fields: collectionDiff,
    outcomes: collectionDiff,
    rules: collectionDiff,
    roles: collectionDiff,
    documentTypes: collectionDiff,
    access: collectionDiff,
  })
  .meta({ id: 'CaseTypeDiff' });

const versionNumber = z.coerce.number().int().min(1);

export const CaseTypeKeyParamsSchema = z.object({ key: KeySchema });
export const CaseTypeVersionParamsSchema = z.object({ key: KeySchema, n: versionNumber });

/** `to` may be `draft` to preview what publishing would change. */
export const CaseTypeDiffQuerySchema = z.object({
  from: versionNumber,
  to: z.union([z.literal('draft'), versionNumber]),
});

/** Paging of GET /case-types and GET /case-types/{key}/versions: `nextCursor` of one page is `cursor` of the next. */
export const CaseTypeListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(400).optional().meta({ description: 'Opaque; the nextCursor of the previous page' }),
});

export const CaseTypeExportQuerySchema = z.object({ format: z.enum(['yaml', 'json']).default('yaml') });

export type CaseTypeVersionResponse = z.infer<typeof CaseTypeVersionResponseSchema>;
export type CaseTypeDraft = z.infer<typeof CaseTypeDraftSchema>;
export type CaseTypeSummary = z.infer<typeof CaseTypeSummarySchema>;
export type CaseTypeList = z.infer<typeof CaseTypeListSchema>;
export type CaseTypeVersionSummary = z.infer<typeof CaseTypeVersionSummarySchema>;
export type CaseTypeVersionList = z.infer<typeof CaseTypeVersionListSchema>;
