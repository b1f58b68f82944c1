import {
  checkInDocument,
  checkNotLockedFor,
  checkOutDocument,
  documentNotFound,
  documentNotCheckedOut,
} from '../../domain/documents';
import type { CaseDocument } from '../../domain/documents';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { DocumentStore, GraphActor } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { caseClosed, type ChangeCaseDeps } from '../cases/change-case';
import { personOf } from './document-actor';
import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';
import { recordOnCase } from './record-on-case';

type Request = {
  caseId: string;
  documentId: string;
  ifMatch: string | undefined;
  actor: GraphActor;
  /** Check-in only: the version comment SharePoint keeps. */
  comment?: string | undefined;
};

/**
 * Check-out (`checkOut: true`) or check-in of a document, in SharePoint and on the case: SharePoint
 * first (it enforces the lock on every path, Office included), then the record with its event. When the
 * record fails, the SharePoint step is undone so the lock shown and the lock in force agree.
 */
export async function setDocumentCheckout(
  deps: ChangeCaseDeps & DocumentAccess & { documents: Pick<DocumentStore, 'checkout' | 'checkin'> },
  principal: UserPrincipal,
  request: Request,
  checkOut: boolean,
  log: Logger,
): Promise<{ document: CaseDocument; etag: string }> {
  const { state, etag } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (request.ifMatch !== undefined && request.ifMatch !== etag) throw new ConcurrencyConflict(request.caseId, etag);
  if (state.status === 'closed') throw caseClosed(request.caseId);
  const document = state.documents?.find((d) => d.id === request.documentId);
  if (!document) throw documentNotFound(request.documentId);
  const by = personOf(principal);
  checkNotLockedFor(document, by);
  if (!checkOut && !document.checkedOut) throw documentNotCheckedOut();

  const comment = request.comment ?? '';
  if (checkOut) await deps.documents.checkout(request.actor, document.itemId);
  else await deps.documents.checkin(request.actor, document.itemId, comment);
  try {
    const changed = await recordOnCase(deps, principal, request, log, (current, stamp) =>
      checkOut ? checkOutDocument(current, document.id, by, stamp) : checkInDocument(current, document.id, by, stamp),
    );
    const updated = changed.state.documents?.find((d) => d.id === document.id);
    if (!updated) throw documentNotFound(document.id);
    return { document: updated, etag: changed.etag };
  } catch (error) {
    const undo = checkOut
      ? deps.documents.checkin(request.actor, document.itemId, 'undone: not recorded on the case')
      : deps.documents.checkout(request.actor, document.itemId);
    await undo.catch((cleanup: unknown) =>
      log.error('a check-out change could not be recorded nor undone in SharePoint', {
        caseId: request.caseId,
        documentId: document.id,
        error: cleanup,
      }),
    );
    throw error;
  }
}
