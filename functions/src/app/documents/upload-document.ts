import { randomUUID } from 'node:crypto';
import type { ProblemFieldError } from '../../contract/problem';
import type { Confidentiality } from '../../domain/confidentiality';
import {
  addDocument,
  checkMediaType,
  checkRecordRoom,
  documentRecordChars,
  sanitiseFileName,
  type CaseDocument,
  type DocumentSource,
} from '../../domain/documents';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { DocumentStore, GraphActor, StoredFile } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from '../cases/case-type-of';
import { caseClosed, type ChangeCaseDeps } from '../cases/change-case';
import { AppError, invalidInput } from '../errors';
import { ConcurrencyConflict } from '../../ports/case-store';
import { personOf } from './document-actor';
import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';
import { documentTooLarge, measured } from './measured-content';
import { recordOnCase } from './record-on-case';

export interface UploadDocumentDeps extends ChangeCaseDeps, DocumentAccess {
  caseTypes: Pick<CaseTypeRepository, 'getVersion'>;
  documents: DocumentStore;
  maxUploadBytes: number;
}

export interface UploadDocumentRequest {
  caseId: string;
  ifMatch: string | undefined;
  actor: GraphActor;
  fileName: string;
  documentType: string;
  title?: string | undefined;
  confidentiality?: Confidentiality | undefined;
  source?: DocumentSource | undefined;
  /** The Content-Type of the body, without parameters. */
  mediaType: string;
  /** The Content-Length of the body; undefined when absent (400). */
  size: number | undefined;
  content: AsyncIterable<Uint8Array>;
}

/** The SharePoint columns every case document carries (internal names; the library must have them). */
export const documentColumns = {
  caseNumber: 'Zaaknummer',
  caseType: 'Zaaktype',
  documentType: 'Documenttype',
  confidentiality: 'Vertrouwelijkheid',
} as const;

/**
 * Files a document on a case: checks everything that can be checked before a byte moves (case open,
 * document type, size, media type, room in the record), streams the file into the case folder while
 * hashing it, then records it on the case with a `document.added` event. When recording fails the file
 * is removed again, so neither an orphan record nor (as far as SharePoint lets us) an orphan file remains.
 */
export async function uploadDocument(
  deps: UploadDocumentDeps,
  principal: UserPrincipal,
  request: UploadDocumentRequest,
  log: Logger,
): Promise<{ document: CaseDocument; etag: string }> {
  if (request.size !== undefined && request.size > deps.maxUploadBytes) throw documentTooLarge(deps.maxUploadBytes);
  const { state, etag } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (request.ifMatch !== undefined && request.ifMatch !== etag) throw new ConcurrencyConflict(request.caseId, etag);
  if (state.status === 'closed') throw caseClosed(request.caseId);

  const caseType = await caseTypeOf(deps, state);
  const documentType = caseType.documentTypes.find((t) => t.key === request.documentType);
  const problems: ProblemFieldError[] = [];
  if (!documentType) {
    const known = caseType.documentTypes.map((t) => t.key).join(', ') || '(none)';
    problems.push({
      path: 'query.documentType',
      code: 'document.type-unknown',
      message: `Not a document type of this case type; use one of ${known}.`,
    });
  }
  if (request.size === undefined)
    problems.push({
      path: 'headers.content-length',
      code: 'document.length-required',
      message: 'Send the file size as Content-Length.',
    });
  else if (request.size === 0) problems.push({ path: 'body', code: 'document.empty', message: 'The file is empty (0 bytes).' });
  if (problems.length > 0 || !documentType || request.size === undefined) throw invalidInput(problems);

  const checked = checkMediaType(request.mediaType, sanitiseFileName(request.fileName), documentType.mediaTypes);
  if (!checked.ok) throw new AppError('unsupported-media-type', checked.code, checked.message);
  const title = request.title ?? defaultTitle(request.fileName, checked.fileName);
  checkRecordRoom(state, documentRecordChars({ title, fileName: checked.fileName, originalName: request.fileName, webUrl: '' }));

  const confidentiality = request.confidentiality ?? documentType.confidentiality;
  const { content, measurement } = measured(request.content, request.size, deps.maxUploadBytes);
  const stored: StoredFile = await deps.documents.upload(request.actor, {
    folder: state.number,
    fileName: checked.fileName,
    size: request.size,
    content,
    fields: {
      [documentColumns.caseNumber]: state.number,
      [documentColumns.caseType]: state.caseType.key,
      [documentColumns.documentType]: documentType.key,
      [documentColumns.confidentiality]: confidentiality,
    },
  });

  const by = personOf(principal);
  try {
    const changed = await recordOnCase(deps, principal, request, log, (current, stamp) => {
      const document: CaseDocument = {
        id: randomUUID(),
        itemId: stored.itemId,
        title,
        fileName: stored.name,
        originalName: request.fileName,
        documentType: { key: documentType.key, name: documentType.name },
        confidentiality,
        author: by,
        source: request.source ?? 'upload',
        mediaType: request.mediaType,
        size: measurement.bytes(),
        currentVersion: stored.versionId,
        versions: [
          {
            id: stored.versionId,
            sha256: measurement.sha256(),
            size: measurement.bytes(),
            createdAt: stamp.occurredAt,
            createdBy: by,
            restoredFrom: null,
          },
        ],
        webUrl: stored.webUrl,
        createdAt: stamp.occurredAt,
        updatedAt: stamp.occurredAt,
      };
      checkRecordRoom(current, documentRecordChars(document));
      return addDocument(current, document, stamp);
    });
    const document = changed.state.documents?.find((d) => d.itemId === stored.itemId);
    if (!document) throw new Error('the recorded document is missing from the case');
    return { document, etag: changed.etag };
  } catch (error) {
    await deps.documents.delete(request.actor, stored.itemId).catch((cleanup: unknown) => {
      log.error('a filed document could not be recorded nor removed from SharePoint', {
        caseId: request.caseId,
        itemId: stored.itemId,
        error: cleanup,
      });
    });
    throw error;
  }
}

/** The original name without its extension; the stored name when nothing is left. */
export function defaultTitle(original: string, stored: string): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const title = (dot > 0 ? base.slice(0, dot) : base).trim().slice(0, 255);
  return title || stored;
}
