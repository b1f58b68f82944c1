import {
  documentNotFound,
  recordShareRevoked,
  shareAlreadyRevoked,
  shareNotFound,
  type CaseDocument,
} from '../../domain/documents';
import type { UserPrincipal } from '../../domain/principal';
import type { DocumentStore, GraphActor } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { caseClosed, type ChangeCaseDeps } from '../cases/change-case';
import { personOf } from './document-actor';
import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';
import { recordOnCase } from './record-on-case';

/**
 * Ends a share early: the SharePoint permission goes first (access stops now), then the record keeps the
 * share with who revoked it and when.
 */
export async function revokeDocumentShare(
  deps: ChangeCaseDeps & DocumentAccess & { documents: Pick<DocumentStore, 'revokeShare'> },
  principal: UserPrincipal,
  request: { caseId: string; documentId: string; shareId: string; actor: GraphActor },
  log: Logger,
): Promise<{ document: CaseDocument; etag: string }> {
  const { state } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (state.status === 'closed') throw caseClosed(request.caseId);
  const document = state.documents?.find((d) => d.id === request.documentId);
  if (!document) throw documentNotFound(request.documentId);
  const share = document.shares?.find((s) => s.id === request.shareId);
  if (!share) throw shareNotFound(request.shareId);
  if (share.revokedAt) throw shareAlreadyRevoked(share.id);

  await deps.documents.revokeShare(request.actor, document.itemId, share.id);
  const by = personOf(principal);
  const changed = await recordOnCase(deps, principal, { caseId: request.caseId, ifMatch: undefined }, log, (current, stamp) =>
    recordShareRevoked(current, document.id, share.id, by, stamp),
  );
  const updated = changed.state.documents?.find((d) => d.id === document.id);
  if (!updated) throw documentNotFound(document.id);
  return { document: updated, etag: changed.etag };
}
