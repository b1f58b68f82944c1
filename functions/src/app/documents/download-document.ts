import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';
import { documentNotFound, versionNotFound, type CaseDocument, type DocumentVersion } from '../../domain/documents';
import type { AccessLog } from '../../ports/access-log';
import type { Clock } from '../../ports/event-log';
import { recordCaseRead } from '../access/record-case-read';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseStore } from '../../ports/case-store';
import type { DocumentStore, FileContent, GraphActor } from '../../ports/document-store';

/**
 * The bytes of a document's current version or of one recorded version, with what the case recorded
 * about that version (its SHA-256), so the caller can check what it received. The read is recorded in
 * the access log (`document:<id>:<version>`) before any byte is served, like a read of the case.
 */
export async function downloadDocument(
  deps: {
    caseStore: Pick<CaseStore, 'load'>;
    documents: Pick<DocumentStore, 'download'>;
    accessLog: Pick<AccessLog, 'append'>;
    clock: Clock;
  } & DocumentAccess,
  principal: UserPrincipal,
  request: { caseId: string; documentId: string; versionId: string | null; actor: GraphActor },
): Promise<{ document: CaseDocument; version: DocumentVersion; content: FileContent }> {
  const { state } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.read');
  const document = state.documents?.find((d) => d.id === request.documentId);
  if (!document) throw documentNotFound(request.documentId);
  const versionId = request.versionId ?? document.currentVersion;
  const version = document.versions.find((v) => v.id === versionId);
  if (!version) throw versionNotFound(document.id, versionId);
  await recordCaseRead(deps, principal, state, `document:${document.id}:${version.id}`);
  const content = await deps.documents.download(request.actor, document.itemId, version.id);
  return { document, version, content };
}
