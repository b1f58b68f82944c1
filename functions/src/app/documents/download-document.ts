import type { DocumentAccess } from './load-case-for-documents';
import { versionNotFound, type CaseDocument, type DocumentVersion } from '../../domain/documents';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseStore } from '../../ports/case-store';
import type { DocumentStore, FileContent, GraphActor } from '../../ports/document-store';
import { getDocument } from './list-documents';

/**
 * The bytes of a document's current version or of one recorded version, with what the case recorded
 * about that version (its SHA-256), so the caller can check what it received.
 */
export async function downloadDocument(
  deps: { caseStore: Pick<CaseStore, 'load'>; documents: Pick<DocumentStore, 'download'> } & DocumentAccess,
  principal: UserPrincipal,
  request: { caseId: string; documentId: string; versionId: string | null; actor: GraphActor },
): Promise<{ document: CaseDocument; version: DocumentVersion; content: FileContent }> {
  const document = await getDocument(deps, principal, request.caseId, request.documentId);
  const versionId = request.versionId ?? document.currentVersion;
  const version = document.versions.find((v) => v.id === versionId);
  if (!version) throw versionNotFound(document.id, versionId);
  const content = await deps.documents.download(request.actor, document.itemId, version.id);
  return { document, version, content };
}
