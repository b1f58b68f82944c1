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
    desktopUrl: desktopUrlOf(document),
    lock: document.checkedOut ?? null,
    shares: document.shares ?? [],
    ...(document.email ? { email: document.email } : {}),
    ...(document.emailDocumentId ? { emailDocumentId: document.emailDocumentId } : {}),
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

/** Office URI schemes (`ms-word:ofe|u|<url>`): open the document for editing in the desktop app. */
const officeSchemes: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'ms-word',
  'application/msword': 'ms-word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'ms-excel',
  'application/vnd.ms-excel': 'ms-excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ms-powerpoint',
};

export function desktopUrlOf(document: Pick<CaseDocument, 'mediaType' | 'webUrl'>): string | null {
  const scheme = officeSchemes[document.mediaType];
  return scheme ? `${scheme}:ofe|u|${document.webUrl}` : null;
}

export const presentVersion = (version: DocumentVersion): DocumentVersionBody => ({
  id: version.id,
  sha256: version.sha256,
  size: version.size,
  createdAt: version.createdAt,
  createdBy: version.createdBy,
  restoredFrom: version.restoredFrom,
});
