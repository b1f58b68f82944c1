import type { CaseState } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseStore } from '../../ports/case-store';
import { caseNotFound } from '../cases/case-errors';

/**
 * The one place the document use cases load their case: any authenticated user for now (404 for an
 * unknown case). The access policy (issue 6) is wired here, so documents follow the case's visibility.
 */
export async function loadCaseForDocuments(
  deps: { caseStore: Pick<CaseStore, 'load'> },
  _principal: UserPrincipal,
  caseId: string,
): Promise<{ state: CaseState; etag: string }> {
  const loaded = await deps.caseStore.load<CaseState>(caseId);
  if (!loaded) throw caseNotFound(caseId);
  return { state: loaded.state, etag: loaded.etag };
}
