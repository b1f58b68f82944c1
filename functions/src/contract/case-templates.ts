import { z } from 'zod';

/** POST /cases/{id}/documents/generate: a document of this type from its Word template. */
export const GenerateDocumentRequestSchema = z
  .object({
    documentType: z.string().min(1).max(64).meta({ description: 'A document type of the case type that has a template' }),
    title: z.string().trim().min(1).max(200).optional().meta({ description: 'Default: "<document type name> <case number>"' }),
    outcome: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'Key of an outcome of the type: the decision a letter announces (placeholder `zaak.resultaat`)' }),
  })
  .strict()
  .meta({ id: 'GenerateDocumentRequest' });

/** POST /cases/{id}/email-drafts: an e-mail from a template, filled from the case (not sent). */
export const EmailDraftRequestSchema = z
  .object({
    template: z.string().min(1).max(64).meta({ description: 'An e-mail template, e.g. `ontvangstbevestiging`' }),
  })
  .strict()
  .meta({ id: 'EmailDraftRequest' });

export const EmailDraftSchema = z
  .object({
    template: z.string(),
    subject: z.string(),
    text: z.string().meta({ description: 'Plain text body' }),
    html: z.string().meta({ description: 'The same body as HTML paragraphs; every value from the case HTML-escaped' }),
    to: z.array(z.object({ name: z.string(), email: z.string() })).meta({ description: 'The applicant' }),
  })
  .meta({ id: 'EmailDraft' });

export type GenerateDocumentRequest = z.infer<typeof GenerateDocumentRequestSchema>;
export type EmailDraftRequest = z.infer<typeof EmailDraftRequestSchema>;
export type EmailDraftBody = z.infer<typeof EmailDraftSchema>;
