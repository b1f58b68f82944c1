import type { CaseDocument } from '../../domain/documents';
import { documentNotFound } from '../../domain/documents';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseStore } from '../../ports/case-store';
import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';

/** The documents recorded on a case, newest first. */
export async function listDocuments(
  deps: { caseStore: Pick<CaseStore, 'load'> } & DocumentAccess,
  principal: UserPrincipal,
  caseId: string,
): Promise<CaseDocument[]> {
  const { state } = await loadCaseForDocuments(deps, principal, caseId, 'case.read');
  return [...(state.documents ?? [])].reverse();
}

/** One document of a case (404 `document.not-found` when the case has no such document). */
export async function getDocument(
  deps: { caseStore: Pick<CaseStore, 'load'> } & DocumentAccess,
  principal: UserPrincipal,
  caseId: string,
  documentId: string,
): Promise<CaseDocument> {
  const { state } = await loadCaseForDocuments(deps, principal, caseId, 'case.read');
  const document = state.documents?.find((d) => d.id === documentId);
  if (!document) throw documentNotFound(documentId);
  return document;
}
