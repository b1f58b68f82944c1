import type { CaseDocumentBody, DocumentVersionBody } from '../../contract/case-documents';
import type { CaseDocument, DocumentVersion } from '../../domain/documents';

/** A document record as the contract shows it (the library's item id stays internal). */
export function presentDocument(document: CaseDocument): CaseDocumentBody {
  return {
    id: document.id,
    title: document.title,
    fileName: document.fileName,
    originalName: document.originalName,
    documentType: document.documentType,
    confidentiality: document.confidentiality,
    author: document.author,
    source: document.source,
    mediaType: document.mediaType,
    size: document.size,
    currentVersion: document.currentVersion,
    versions: document.versions.map(presentVersion),
    webUrl: document.webUrl,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

export const presentVersion = (version: DocumentVersion): DocumentVersionBody => ({
  id: version.id,
  sha256: version.sha256,
  size: version.size,
  createdAt: version.createdAt,
  createdBy: version.createdBy,
  restoredFrom: version.restoredFrom,
});
