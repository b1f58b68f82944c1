import { z } from 'zod';

/** POST /case-types/{key}/versions/{n}/migrations: the running cases to move to version n. */
export const MigrateCasesRequestSchema = z
  .object({ caseIds: z.array(z.uuid()).min(1).max(100).meta({ description: 'Ids of running cases of this type (at most 100)' }) })
  .meta({ id: 'MigrateCasesRequest' });

const MigrationReasonSchema = z
  .object({
    code: z.string().meta({ description: 'e.g. phase.removed, field.removed, field.required-missing, migration.case-closed' }),
    message: z.string(),
    subject: z.string().optional().meta({ description: 'The phase, field or outcome key the reason is about' }),
  })
  .meta({ id: 'MigrationReason' });

/** Per case: migrated (with its new ETag) or refused with every reason. */
export const MigrationOutcomeSchema = z
  .object({
    migrated: z.array(
      z.object({
        caseId: z.uuid(),
        number: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        etag: z.string(),
      }),
    ),
    refused: z.array(z.object({ caseId: z.string(), reasons: z.array(MigrationReasonSchema) })),
  })
  .meta({ id: 'MigrationOutcome' });

export type MigrateCasesRequest = z.infer<typeof MigrateCasesRequestSchema>;
