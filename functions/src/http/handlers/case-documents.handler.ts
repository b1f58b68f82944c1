import { Readable } from 'node:stream';
import type { HttpResponseInit } from '@azure/functions';
import { setDocumentCheckout } from '../../app/documents/check-out-document';
import { revokeDocumentShare } from '../../app/documents/revoke-document-share';
import { shareDocument } from '../../app/documents/share-document';
import { syncDocumentVersions } from '../../app/documents/sync-document-versions';
import { downloadDocument } from '../../app/documents/download-document';
import { getDocument, listDocuments } from '../../app/documents/list-documents';
import { restoreDocumentVersion } from '../../app/documents/restore-document-version';
import { uploadDocument } from '../../app/documents/upload-document';
import { emailMediaType, fileEmail } from '../../app/documents/file-email';
import { invalidInput } from '../../app/errors';
import { uploadDocumentVersion } from '../../app/documents/upload-document-version';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import {
  CaseDocumentParamsSchema,
  CheckInDocumentRequestSchema,
  DocumentShareParamsSchema,
  ShareDocumentRequestSchema,
  DocumentVersionParamsSchema,
} from '../../contract/case-documents';
import { defineEndpoint, json, type EndpointContext } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentDocument, presentVersion } from '../presenters/case-document.presenter';
import { optionalIfMatch, parseParams } from './case-type-input';
import { bodyOf, contentLengthOf, graphActorOf, mediaTypeOf, parseUploadInput, reprDigest } from './document-input';

type DocumentDeps = Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'documents' | 'config' | 'access'>;

/** POST /api/v1/cases/{id}/documents: the body is the file; fileName, documentType, … in the query. */
export const uploadCaseDocumentEndpoint = (deps: DocumentDeps) =>
  defineEndpoint({
    name: 'uploadCaseDocument',
    methods: ['POST'],
    route: 'v1/cases/{id}/documents',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const { size, fileAttachments, attachmentDocumentType, ...query } = parseUploadInput(request);
      const mediaType = mediaTypeOf(request);
      if (mediaType === emailMediaType || query.source === 'email') {
        // An .eml: filed as an e-mail (parsed; its attachments optionally filed as documents of their own).
        const { document, etag } = await fileEmail(
          { ...deps, maxUploadBytes: deps.config.documents.maxUploadBytes },
          principal,
          {
            caseId: id,
            ifMatch: optionalIfMatch(request),
            actor: graphActorOf(request, principal),
            ...query,
            mediaType: emailMediaType,
            size,
            content: bodyOf(request),
            fileAttachments: fileAttachments === 'true',
            attachmentDocumentType,
          },
          log,
        );
        return json(201, presentDocument(document), { etag, location: `/api/v1/cases/${id}/documents/${document.id}` });
      }
      if (fileAttachments !== undefined || attachmentDocumentType !== undefined)
        throw invalidInput([
          {
            path: fileAttachments !== undefined ? 'query.fileAttachments' : 'query.attachmentDocumentType',
            code: 'document.not-an-email',
            message: 'Only an e-mail (Content-Type message/rfc822 or source=email) has attachments to file.',
          },
        ]);
      const { document, etag } = await uploadDocument(
        { ...deps, maxUploadBytes: deps.config.documents.maxUploadBytes },
        principal,
        {
          caseId: id,
          ifMatch: optionalIfMatch(request),
          actor: graphActorOf(request, principal),
          ...query,
          mediaType,
          size,
          content: bodyOf(request),
        },
        log,
      );
      return json(201, presentDocument(document), { etag, location: `/api/v1/cases/${id}/documents/${document.id}` });
    },
  });

/** GET /api/v1/cases/{id}/documents: the case's documents, newest first. */
export const listCaseDocumentsEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'access'>) =>
  defineEndpoint({
    name: 'listCaseDocuments',
    methods: ['GET'],
    route: 'v1/cases/{id}/documents',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const documents = await listDocuments(deps, principal, id);
      return json(200, { items: documents.map(presentDocument), nextCursor: null });
    },
  });

/** GET /api/v1/cases/{id}/documents/{documentId}. */
export const getCaseDocumentEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'access'>) =>
  defineEndpoint({
    name: 'getCaseDocument',
    methods: ['GET'],
    route: 'v1/cases/{id}/documents/{documentId}',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id, documentId } = parseParams(request, CaseDocumentParamsSchema);
      return json(200, presentDocument(await getDocument(deps, principal, id, documentId)));
    },
  });

/** GET /api/v1/cases/{id}/documents/{documentId}/versions: every recorded version with its SHA-256. */
export const listDocumentVersionsEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'access'>) =>
  defineEndpoint({
    name: 'listDocumentVersions',
    methods: ['GET'],
    route: 'v1/cases/{id}/documents/{documentId}/versions',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id, documentId } = parseParams(request, CaseDocumentParamsSchema);
      const document = await getDocument(deps, principal, id, documentId);
      return json(200, { items: [...document.versions].reverse().map(presentVersion) });
    },
  });

/** POST /api/v1/cases/{id}/documents/{documentId}/versions: the body is the new content (a new version). */
export const uploadDocumentVersionEndpoint = (deps: DocumentDeps) =>
  defineEndpoint({
    name: 'uploadDocumentVersion',
    methods: ['POST'],
    route: 'v1/cases/{id}/documents/{documentId}/versions',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id, documentId } = parseParams(request, CaseDocumentParamsSchema);
      const { document, etag } = await uploadDocumentVersion(
        { ...deps, maxUploadBytes: deps.config.documents.maxUploadBytes },
        principal,
        {
          caseId: id,
          documentId,
          ifMatch: optionalIfMatch(request),
          actor: graphActorOf(request, principal),
          mediaType: mediaTypeOf(request),
          size: contentLengthOf(request),
          content: bodyOf(request),
        },
        log,
      );
      return json(201, presentDocument(document), { etag });
    },
  });

/** The file of a document version as the response: its bytes streamed, its recorded SHA-256 as Repr-Digest. */
const download =
  (deps: Pick<Dependencies, 'caseStore' | 'documents' | 'access' | 'accessLog' | 'clock'>, versioned: boolean) =>
  async ({ request, principal }: EndpointContext<typeof policies.authenticated>): Promise<HttpResponseInit> => {
    const params = versioned
      ? parseParams(request, DocumentVersionParamsSchema)
      : { ...parseParams(request, CaseDocumentParamsSchema), versionId: null };
    const { document, version, content } = await downloadDocument(deps, principal, {
      caseId: params.id,
      documentId: params.documentId,
      versionId: params.versionId,
      actor: graphActorOf(request, principal),
    });
    return {
      status: 200,
      headers: {
        'content-type': document.mediaType,
        ...(content.size === null ? {} : { 'content-length': String(content.size) }),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        'repr-digest': reprDigest(version.sha256),
        'x-zaakwerk-document-version': version.id,
        'cache-control': 'private, no-store',
      },
      body: Readable.from(content.body),
    };
  };

/** GET /api/v1/cases/{id}/documents/{documentId}/content: the current version's bytes. */
export const downloadDocumentEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'documents' | 'access' | 'accessLog' | 'clock'>,
) =>
  defineEndpoint({
    name: 'downloadDocument',
    methods: ['GET'],
    route: 'v1/cases/{id}/documents/{documentId}/content',
    policy: policies.authenticated,
    handler: download(deps, false),
  });

/** GET /api/v1/cases/{id}/documents/{documentId}/versions/{versionId}/content: one version's bytes. */
export const downloadDocumentVersionEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'documents' | 'access' | 'accessLog' | 'clock'>,
) =>
  defineEndpoint({
    name: 'downloadDocumentVersion',
    methods: ['GET'],
    route: 'v1/cases/{id}/documents/{documentId}/versions/{versionId}/content',
    policy: policies.authenticated,
    handler: download(deps, true),
  });

/** POST /api/v1/cases/{id}/documents/{documentId}/versions/{versionId}/restore: that version becomes current again. */
export const restoreDocumentVersionEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'documents' | 'access'>,
) =>
  defineEndpoint({
    name: 'restoreDocumentVersion',
    methods: ['POST'],
    route: 'v1/cases/{id}/documents/{documentId}/versions/{versionId}/restore',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id, documentId, versionId } = parseParams(request, DocumentVersionParamsSchema);
      const { document, etag } = await restoreDocumentVersion(
        deps,
        principal,
        { caseId: id, documentId, versionId, ifMatch: optionalIfMatch(request), actor: graphActorOf(request, principal) },
        log,
      );
      return json(200, presentDocument(document), { etag });
    },
  });

/** POST /api/v1/cases/{id}/documents/{documentId}/checkout and /checkin: lock and release the file in SharePoint. */
const checkoutEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'documents' | 'access'>,
  checkOut: boolean,
) =>
  defineEndpoint({
    name: checkOut ? 'checkOutDocument' : 'checkInDocument',
    methods: ['POST'],
    route: `v1/cases/{id}/documents/{documentId}/${checkOut ? 'checkout' : 'checkin'}`,
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id, documentId } = parseParams(request, CaseDocumentParamsSchema);
      const body =
        !checkOut && request.headers.get('content-type')
          ? await parseJsonBody(request, CheckInDocumentRequestSchema, 16 * 1024)
          : {};
      const { document, etag } = await setDocumentCheckout(
        deps,
        principal,
        {
          caseId: id,
          documentId,
          ifMatch: optionalIfMatch(request),
          actor: graphActorOf(request, principal),
          comment: body.comment,
        },
        checkOut,
        log,
      );
      return json(200, presentDocument(document), { etag });
    },
  });

export const checkOutDocumentEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'documents' | 'access'>) =>
  checkoutEndpoint(deps, true);
export const checkInDocumentEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'documents' | 'access'>) =>
  checkoutEndpoint(deps, false);

/** POST /api/v1/cases/{id}/documents/{documentId}/shares: share with a named person until a date. */
export const shareDocumentEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'documents' | 'access'>,
) =>
  defineEndpoint({
    name: 'shareDocument',
    methods: ['POST'],
    route: 'v1/cases/{id}/documents/{documentId}/shares',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id, documentId } = parseParams(request, CaseDocumentParamsSchema);
      const body = await parseJsonBody(request, ShareDocumentRequestSchema, 16 * 1024);
      const { document, shareId, etag } = await shareDocument(
        deps,
        principal,
        { caseId: id, documentId, ifMatch: optionalIfMatch(request), actor: graphActorOf(request, principal), ...body },
        log,
      );
      const share = document.shares?.find((s) => s.id === shareId);
      return json(201, share, { etag, location: `/api/v1/cases/${id}/documents/${documentId}/shares/${shareId}` });
    },
  });

/** GET /api/v1/cases/{id}/documents/{documentId}/shares: every share, revoked ones included. */
export const listDocumentSharesEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'access'>) =>
  defineEndpoint({
    name: 'listDocumentShares',
    methods: ['GET'],
    route: 'v1/cases/{id}/documents/{documentId}/shares',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id, documentId } = parseParams(request, CaseDocumentParamsSchema);
      const document = await getDocument(deps, principal, id, documentId);
      return json(200, { items: document.shares ?? [] });
    },
  });

/** DELETE /api/v1/cases/{id}/documents/{documentId}/shares/{shareId}: revoke (access ends at once). */
export const revokeDocumentShareEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'documents' | 'access'>,
) =>
  defineEndpoint({
    name: 'revokeDocumentShare',
    methods: ['DELETE'],
    route: 'v1/cases/{id}/documents/{documentId}/shares/{shareId}',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id, documentId, shareId } = parseParams(request, DocumentShareParamsSchema);
      const { document, etag } = await revokeDocumentShare(
        deps,
        principal,
        { caseId: id, documentId, shareId, actor: graphActorOf(request, principal) },
        log,
      );
      return json(
        200,
        document.shares?.find((s) => s.id === shareId),
        { etag },
      );
    },
  });

/** POST /api/v1/cases/{id}/documents/sync: record versions made in SharePoint (Office) since the last look. */
export const syncDocumentVersionsEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'documents' | 'access'>,
) =>
  defineEndpoint({
    name: 'syncDocumentVersions',
    methods: ['POST'],
    route: 'v1/cases/{id}/documents/sync',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const { documents, recorded, etag } = await syncDocumentVersions(
        deps,
        principal,
        { caseId: id, actor: graphActorOf(request, principal) },
        log,
      );
      return json(200, { recorded, items: [...documents].reverse().map(presentDocument) }, { etag });
    },
  });
