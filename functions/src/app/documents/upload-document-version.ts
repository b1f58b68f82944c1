import {
  addVersion,
  checkNotLockedFor,
  checkoutRequired,
  checkRecordRoom,
  documentNotFound,
  versionRecordChars,
  type CaseDocument,
} from '../../domain/documents';
import type { CaseTypeRepository } from '../../ports/case-types';
import { caseTypeOf } from '../cases/case-type-of';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { DocumentStore, GraphActor } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { caseClosed, type ChangeCaseDeps } from '../cases/change-case';
import { AppError, invalidInput } from '../errors';
import { personOf } from './document-actor';
import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';
import { documentTooLarge, measured } from './measured-content';
import { recordOnCase, versionRecorded } from './record-on-case';

/**
 * New content for a document: SharePoint keeps it as a new version of the same file (same name, same
 * columns); the case records the version with the SHA-256 of the bytes that passed through.
 */
export async function uploadDocumentVersion(
  deps: ChangeCaseDeps &
    DocumentAccess & {
      documents: Pick<DocumentStore, 'uploadVersion'>;
      caseTypes: Pick<CaseTypeRepository, 'getVersion'>;
      maxUploadBytes: number;
    },
  principal: UserPrincipal,
  request: {
    caseId: string;
    documentId: string;
    ifMatch: string | undefined;
    actor: GraphActor;
    mediaType: string;
    size: number | undefined;
    content: AsyncIterable<Uint8Array>;
  },
  log: Logger,
): Promise<{ document: CaseDocument; etag: string }> {
  if (request.size !== undefined && request.size > deps.maxUploadBytes) throw documentTooLarge(deps.maxUploadBytes);
  const { state, etag } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (request.ifMatch !== undefined && request.ifMatch !== etag) throw new ConcurrencyConflict(request.caseId, etag);
  if (state.status === 'closed') throw caseClosed(request.caseId);
  const document = state.documents?.find((d) => d.id === request.documentId);
  if (!document) throw documentNotFound(request.documentId);
  const by = personOf(principal);
  checkNotLockedFor(document, by);
  const documentType = (await caseTypeOf(deps, state)).documentTypes.find((t) => t.key === document.documentType.key);
  if (documentType?.requiresCheckout && document.checkedOut?.by.id !== by.id) throw checkoutRequired();
  if (request.size === undefined)
    throw invalidInput([
      { path: 'headers.content-length', code: 'document.length-required', message: 'Send the file size as Content-Length.' },
    ]);
  if (request.size === 0) throw invalidInput([{ path: 'body', code: 'document.empty', message: 'The file is empty (0 bytes).' }]);
  if (request.mediaType !== document.mediaType)
    throw new AppError(
      'unsupported-media-type',
      'document.media-type-changed',
      `A new version must be ${document.mediaType} like the document; file another type as a new document.`,
    );
  checkRecordRoom(state, versionRecordChars);

  const { content, measurement } = measured(request.content, request.size, deps.maxUploadBytes);
  const stored = await deps.documents.uploadVersion(request.actor, document.itemId, { size: request.size, content });
  try {
    const changed = await recordOnCase(deps, principal, request, log, (current, stamp) =>
      // The library sync (timer, change notification) may have recorded this very version meanwhile.
      versionRecorded(current, document.id, stored.versionId)
        ? null
        : addVersion(
            current,
            document.id,
            {
              id: stored.versionId,
              sha256: measurement.sha256(),
              size: measurement.bytes(),
              createdAt: stamp.occurredAt,
              createdBy: by,
              restoredFrom: null,
            },
            stamp,
          ),
    );
    const updated = changed.state.documents?.find((d) => d.id === document.id);
    if (!updated) throw documentNotFound(document.id);
    return { document: updated, etag: changed.etag };
  } catch (error) {
    // The version is in SharePoint but not on the case; versions cannot be removed one by one.
    log.error('an uploaded version is in SharePoint but not recorded on the case', {
      caseId: request.caseId,
      documentId: document.id,
      versionId: stored.versionId,
      error,
    });
    throw error;
  }
}
