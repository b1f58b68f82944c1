import { z } from 'zod';
import { documentSources } from '../domain/documents/case-document';
import { ConfidentialitySchema } from './case-summary';

const instant = z.iso.datetime().meta({ description: 'ISO 8601 UTC instant' });
const person = z.object({ id: z.string(), name: z.string() });
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .meta({ description: 'SHA-256 of the version’s bytes, lower-case hex' });

export const DocumentVersionSchema = z
  .object({
    id: z.string().meta({ description: 'SharePoint version id, e.g. `1.0`' }),
    sha256,
    size: z.number().int().min(0),
    createdAt: instant,
    createdBy: person,
    restoredFrom: z.string().nullable().meta({ description: 'The version this one restored, or null' }),
  })
  .meta({ id: 'DocumentVersion' });

export const DocumentShareSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    access: z.enum(['view', 'edit']),
    expiresOn: z.iso.date().meta({ description: 'Last day of access (Europe/Amsterdam)' }),
    external: z.boolean(),
    createdBy: person,
    createdAt: instant,
    revokedBy: person.nullable(),
    revokedAt: instant.nullable(),
  })
  .meta({ id: 'DocumentShare' });

export const DocumentShareListSchema = z.object({ items: z.array(DocumentShareSchema) }).meta({ id: 'DocumentShareList' });

/** POST …/shares: share with a named person (an external address or a colleague). */
export const ShareDocumentRequestSchema = z
  .object({
    email: z.email().max(320),
    access: z.enum(['view', 'edit']),
    expiresOn: z.iso.date().meta({ description: 'Last day of access (Europe/Amsterdam), today or later' }),
  })
  .strict()
  .meta({ id: 'ShareDocumentRequest' });

export const DocumentShareParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid(), shareId: z.string().min(1).max(200) });

const emailAddress = z.object({ name: z.string(), address: z.string() });

export const EmailSummarySchema = z
  .object({
    subject: z.string().nullable(),
    from: z.array(emailAddress),
    to: z.array(emailAddress),
    cc: z.array(emailAddress),
    date: instant.nullable().meta({ description: 'The Date header; null when absent or unreadable' }),
    messageId: z.string().nullable(),
    attachments: z.array(
      z.object({
        name: z.string(),
        mediaType: z.string(),
        size: z.number().int().min(0),
        documentId: z.uuid().nullable().meta({ description: 'The document the attachment was filed as; null when not filed' }),
        inline: z
          .literal(true)
          .optional()
          .meta({ description: 'An image shown in the body (cid:), not counted as an attachment; never filed on its own' }),
      }),
    ),
  })
  .meta({ id: 'EmailSummary', description: 'What a filed e-mail says about itself, parsed when it was filed' });

export const CaseDocumentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    fileName: z.string().meta({ description: 'The name in SharePoint (sanitised; renamed when taken)' }),
    originalName: z.string().meta({ description: 'The name of the uploaded file as sent' }),
    documentType: z.object({ key: z.string(), name: z.string() }),
    confidentiality: ConfidentialitySchema,
    author: person,
    source: z.enum(documentSources),
    mediaType: z.string(),
    size: z.number().int().min(0),
    currentVersion: z.string(),
    versions: z.array(DocumentVersionSchema).meta({ description: 'Oldest first; the last is current' }),
    webUrl: z.url().meta({ description: 'Opens the document in SharePoint / Office for the web' }),
    desktopUrl: z.string().nullable().meta({
      description:
        'Opens a Word, Excel or PowerPoint file for editing in the desktop app (`ms-word:ofe|u|…`); null for other types',
    }),
    lock: z
      .object({ by: person, at: instant })
      .nullable()
      .meta({ description: 'Who has the document checked out (through Zaakwerk) and since when; null when nobody' }),
    shares: z.array(DocumentShareSchema).meta({ description: 'Shares with partners and colleagues, revoked ones included' }),
    email: EmailSummarySchema.optional().meta({ description: 'Only for source `email`' }),
    emailDocumentId: z.uuid().optional().meta({ description: 'Only for source `email-attachment`: the e-mail it came with' }),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'CaseDocument' });

export const CaseDocumentListSchema = z
  .object({ items: z.array(CaseDocumentSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseDocumentList' });

export const DocumentSyncResultSchema = z
  .object({
    recorded: z.number().int().min(0).meta({ description: 'New versions recorded by this run' }),
    items: z.array(CaseDocumentSchema),
  })
  .meta({ id: 'DocumentSyncResult' });

export const DocumentVersionListSchema = z.object({ items: z.array(DocumentVersionSchema) }).meta({ id: 'DocumentVersionList' });

/**
 * POST /cases/{id}/documents: the body is the file itself (its media type as Content-Type, its length
 * as Content-Length); what describes it travels in the query.
 */
export const UploadDocumentQuerySchema = z
  .object({
    fileName: z.string().min(1).max(1024).meta({ description: 'The original file name (sanitised for SharePoint)' }),
    documentType: z.string().min(1).max(200).meta({ description: 'Key of a document type of the case type' }),
    title: z.string().trim().min(1).max(255).optional().meta({ description: 'Defaults to the file name without extension' }),
    confidentiality: ConfidentialitySchema.optional().meta({ description: "Defaults to the document type's level" }),
    source: z
      .enum(documentSources)
      .optional()
      .meta({ description: 'Defaults to `upload`; `email` (or Content-Type message/rfc822) files an .eml as an e-mail' }),
    fileAttachments: z
      .enum(['true', 'false'])
      .optional()
      .meta({ description: 'E-mail only: file each attachment as its own document, linked to the e-mail' }),
    attachmentDocumentType: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "E-mail only: the document type of filed attachments; defaults to the e-mail's" }),
  })
  .strict();

/** POST …/checkin (optional body): the comment SharePoint keeps with the version. */
export const CheckInDocumentRequestSchema = z
  .object({ comment: z.string().max(1000).optional() })
  .strict()
  .meta({ id: 'CheckInDocumentRequest' });

export const CaseDocumentParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid() });
export const DocumentVersionParamsSchema = CaseDocumentParamsSchema.extend({
  versionId: z.string().regex(/^\d{1,6}\.\d{1,6}$/, 'must be a version id such as 1.0'),
});

export type CaseDocumentBody = z.infer<typeof CaseDocumentSchema>;
export type DocumentVersionBody = z.infer<typeof DocumentVersionSchema>;
export type UploadDocumentQuery = z.infer<typeof UploadDocumentQuerySchema>;

/**
 * POST /graph/notifications: a changeNotificationCollection from Microsoft Graph. Only what Zaakwerk reads
 * is checked; Graph may add properties.
 */
export const GraphNotificationCollectionSchema = z
  .object({
    value: z
      .array(
        z.looseObject({
          subscriptionId: z.string().optional(),
          clientState: z.string().optional(),
          changeType: z.string().optional(),
          resource: z.string().optional(),
        }),
      )
      .max(1000),
  })
  .meta({ id: 'GraphNotificationCollection' });

/**
 * POST /graph/lifecycle: Graph's lifecycle notifications for the subscription (reauthorizationRequired,
 * subscriptionRemoved, missed; more may come and are ignored). Only what Zaakwerk reads is checked.
 */
export const GraphLifecycleNotificationCollectionSchema = z
  .object({
    value: z
      .array(
        z.looseObject({
          subscriptionId: z.string().max(200).optional(),
          clientState: z.string().optional(),
          lifecycleEvent: z.string().max(100).optional(),
          subscriptionExpirationDateTime: z.string().optional(),
          tenantId: z.string().optional(),
        }),
      )
      .max(1000),
  })
  .meta({ id: 'GraphLifecycleNotificationCollection' });
