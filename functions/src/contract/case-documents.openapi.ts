import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CaseIdParamsSchema } from './case';
import {
  CaseDocumentListSchema,
  CaseDocumentParamsSchema,
  CaseDocumentSchema,
  DocumentVersionListSchema,
  DocumentVersionParamsSchema,
  UploadDocumentQuerySchema,
  CheckInDocumentRequestSchema,
  DocumentShareListSchema,
  DocumentShareParamsSchema,
  DocumentShareSchema,
  DocumentSyncResultSchema,
  ShareDocumentRequestSchema,
  GraphNotificationCollectionSchema,
  GraphLifecycleNotificationCollectionSchema,
} from './case-documents';
import { ProblemSchema } from './problem';

/** The document paths of the OpenAPI document (listed in openapi.ts's documentedPaths). */
export const caseDocumentPaths = [
  '/v1/cases/{id}/documents',
  '/v1/cases/{id}/documents/{documentId}',
  '/v1/cases/{id}/documents/{documentId}/versions',
  '/v1/cases/{id}/documents/{documentId}/content',
  '/v1/cases/{id}/documents/{documentId}/versions/{versionId}/content',
  '/v1/cases/{id}/documents/{documentId}/versions/{versionId}/restore',
  '/v1/cases/{id}/documents/{documentId}/checkout',
  '/v1/cases/{id}/documents/{documentId}/checkin',
  '/v1/cases/{id}/documents/{documentId}/shares',
  '/v1/cases/{id}/documents/{documentId}/shares/{shareId}',
  '/v1/cases/{id}/documents/sync',
  '/v1/graph/notifications',
  '/v1/graph/lifecycle',
] as const;

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const common = {
  401: problem('No, invalid or expired bearer token (`WWW-Authenticate: Bearer`)'),
  403: problem('Authenticated, but not allowed (or SharePoint refused: `documents.access-denied`)'),
  503: problem('SharePoint, identity or storage unavailable (`documents.unavailable`); nothing was recorded'),
};
const documentResponse = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: 'string' as const }, description: 'The case’s new etag' } },
  content: { 'application/json': { schema: CaseDocumentSchema } },
});
const fileResponse = {
  description: 'The bytes, with `Repr-Digest: sha-256=:…:` of the SHA-256 the case recorded for this version',
  content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
};
const optionalIfMatch = z.object({
  'if-match': z.string().optional().meta({ description: 'Optional: refuse (412) unless the case still has this etag' }),
});

/** Upload, list, read, versions, download and restore of case documents. */
export function describeCaseDocumentApi(registry: OpenAPIRegistry, secured: { entra: string[] }[]): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents',
    summary:
      'File a document on the case: the body is the file (Content-Type = its media type, Content-Length required); an .eml (message/rfc822 or source=email) is filed as an e-mail, its attachments optionally as documents of their own (fileAttachments=true), all or nothing',
    security: secured,
    request: {
      params: CaseIdParamsSchema,
      query: UploadDocumentQuerySchema,
      headers: optionalIfMatch,
      body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
    },
    responses: {
      201: documentResponse('The recorded document (Location names it)'),
      400: problem('Invalid query, unknown document type, no Content-Length, empty file or wrong length; every problem listed'),
      404: problem('No such case (`case.not-found`)'),
      409: problem('The case is closed (`case.closed`)'),
      412: problem('If-Match given and stale (`case.etag-mismatch`)'),
      413: problem('Larger than the configured limit (`document.too-large`, default 250 MB)'),
      415: problem('Media type not allowed for the document type, or the name’s extension does not fit it'),
      422: problem(
        'The case’s document record is full (`case.document-records-full`); an e-mail without a From address (`email.malformed`); attachments that cannot be filed, each listed (`email.attachments-not-fileable`)',
      ),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents',
    summary: 'The case’s documents, newest first',
    security: secured,
    request: { params: CaseIdParamsSchema },
    responses: {
      200: { description: 'The documents', content: { 'application/json': { schema: CaseDocumentListSchema } } },
      404: problem('No such case'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents/{documentId}',
    summary: 'One document of the case',
    security: secured,
    request: { params: CaseDocumentParamsSchema },
    responses: {
      200: { description: 'The document', content: { 'application/json': { schema: CaseDocumentSchema } } },
      404: problem('No such case or document'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents/{documentId}/versions',
    summary: 'Every recorded version, newest first, with its SHA-256',
    security: secured,
    request: { params: CaseDocumentParamsSchema },
    responses: {
      200: { description: 'The versions', content: { 'application/json': { schema: DocumentVersionListSchema } } },
      404: problem('No such case or document'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents/{documentId}/versions',
    summary: 'Upload new content for the document: a new version (same media type)',
    security: secured,
    request: {
      params: CaseDocumentParamsSchema,
      headers: optionalIfMatch,
      body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
    },
    responses: {
      201: documentResponse('The document with the new current version and its SHA-256'),
      400: problem('No Content-Length, empty file or wrong length'),
      404: problem('No such case or document'),
      409: problem(
        'Closed case, checked out by someone else (`document.locked`), or the type requires a check-out first (`document.checkout-required`)',
      ),
      412: problem('If-Match given and stale'),
      413: problem('Larger than the configured limit (`document.too-large`)'),
      415: problem('Not the media type of the document (`document.media-type-changed`)'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents/{documentId}/content',
    summary: 'Download the current version',
    security: secured,
    request: { params: CaseDocumentParamsSchema },
    responses: { 200: fileResponse, 404: problem('No such case or document, or gone from the library'), ...common },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents/{documentId}/versions/{versionId}/content',
    summary: 'Download one version',
    security: secured,
    request: { params: DocumentVersionParamsSchema },
    responses: { 200: fileResponse, 404: problem('No such case, document or version'), ...common },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents/{documentId}/versions/{versionId}/restore',
    summary: 'Make an old version current again (a new version with its content; the history stays)',
    security: secured,
    request: { params: DocumentVersionParamsSchema, headers: optionalIfMatch },
    responses: {
      200: documentResponse('The document with its new current version and that version’s SHA-256'),
      404: problem('No such case, document or version'),
      409: problem('Closed case, the version is already current, or the file is checked out by someone else (`document.locked`)'),
      412: problem('If-Match given and stale'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents/{documentId}/checkout',
    summary: 'Check the document out: SharePoint locks it for everyone else; `lock` shows who has it',
    security: secured,
    request: { params: CaseDocumentParamsSchema, headers: optionalIfMatch },
    responses: {
      200: documentResponse('The document with its lock'),
      404: problem('No such case or document'),
      409: problem('Closed case, or checked out by someone else (`document.locked`)'),
      412: problem('If-Match given and stale'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents/{documentId}/checkin',
    summary: 'Check the document in again (by whoever checked it out)',
    security: secured,
    request: {
      params: CaseDocumentParamsSchema,
      headers: optionalIfMatch,
      body: { required: false, content: { 'application/json': { schema: CheckInDocumentRequestSchema } } },
    },
    responses: {
      200: documentResponse('The document without a lock'),
      404: problem('No such case or document'),
      409: problem(
        'Closed case, not checked out (`document.not-checked-out`) or checked out by someone else (`document.locked`)',
      ),
      412: problem('If-Match given and stale'),
      ...common,
    },
  });
  const share = (description: string) => ({
    description,
    headers: { ETag: { schema: { type: 'string' as const }, description: 'The case’s new etag' } },
    content: { 'application/json': { schema: DocumentShareSchema } },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents/{documentId}/shares',
    summary: 'Share the document with a named person (external address or colleague), view or edit, until a date',
    security: secured,
    request: {
      params: CaseDocumentParamsSchema,
      headers: optionalIfMatch,
      body: { content: { 'application/json': { schema: ShareDocumentRequestSchema } } },
    },
    responses: {
      201: share('The recorded share'),
      400: problem('Invalid body (every problem listed)'),
      404: problem('No such case or document'),
      409: problem('The case is closed'),
      412: problem('If-Match given and stale'),
      422: problem(
        'Above the confidentiality the case type allows to share (`document.share-too-confidential`) or an expiry in the past',
      ),
      ...common,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents/{documentId}/shares',
    summary: 'Every share of the document, revoked ones included',
    security: secured,
    request: { params: CaseDocumentParamsSchema },
    responses: {
      200: { description: 'The shares', content: { 'application/json': { schema: DocumentShareListSchema } } },
      404: problem('No such case or document'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/v1/cases/{id}/documents/{documentId}/shares/{shareId}',
    summary: 'Revoke a share: access ends at once; the share stays on the record as revoked',
    security: secured,
    request: { params: DocumentShareParamsSchema },
    responses: {
      200: share('The revoked share'),
      404: problem('No such case, document or share'),
      409: problem('Closed case, or revoked already (`document.share-revoked`)'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents/sync',
    summary: 'Record versions made in SharePoint (Office, co-authoring) that the case does not know yet, each with its SHA-256',
    security: secured,
    request: { params: CaseIdParamsSchema },
    responses: {
      200: {
        description: 'How many versions were recorded, and the documents now',
        content: { 'application/json': { schema: DocumentSyncResultSchema } },
      },
      404: problem('No such case'),
      422: problem('The case’s document record is full (`case.document-records-full`)'),
      ...common,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/graph/notifications',
    summary:
      'Microsoft Graph change notifications for the document library (no token: Graph calls it). With `validationToken` the token is echoed as text/plain; otherwise notifications whose clientState matches the configured secret trigger the delta sync (ADR 0017)',
    request: {
      query: z.object({
        validationToken: z.string().optional().meta({ description: 'Graph’s subscription validation handshake' }),
      }),
      body: { content: { 'application/json': { schema: GraphNotificationCollectionSchema } } },
    },
    responses: {
      200: { description: 'The validation token, as text/plain', content: { 'text/plain': { schema: z.string() } } },
      202: { description: 'Accepted; the library’s delta is read shortly' },
      400: problem('Not a notification collection'),
      403: problem(
        'No notification carries the configured clientState (`graph.client-state-mismatch`), or notifications are not configured',
      ),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/graph/lifecycle',
    summary:
      'Microsoft Graph lifecycle notifications for the library subscription (no token: Graph calls it). With `validationToken` the token is echoed as text/plain; otherwise, for notifications whose clientState matches the configured secret and whose subscriptionId is the stored subscription: reauthorizationRequired renews it, subscriptionRemoved creates a new one and runs the delta sync, missed runs the delta sync; other ids and unknown events are ignored (ADR 0017)',
    request: {
      query: z.object({
        validationToken: z.string().optional().meta({ description: 'Graph’s subscription validation handshake' }),
      }),
      body: { content: { 'application/json': { schema: GraphLifecycleNotificationCollectionSchema } } },
    },
    responses: {
      200: { description: 'The validation token, as text/plain', content: { 'text/plain': { schema: z.string() } } },
      202: { description: 'Handled (or ignored: another subscription, an unknown event)' },
      400: problem('Not a lifecycle notification collection'),
      403: problem(
        'No notification carries the configured clientState (`graph.client-state-mismatch`), or notifications are not configured',
      ),
      503: problem('Graph or storage unavailable while renewing or recreating the subscription'),
    },
  });
}
