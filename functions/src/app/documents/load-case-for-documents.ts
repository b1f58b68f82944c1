import type { CaseAction } from '../../domain/access';
import type { CaseState } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseStore } from '../../ports/case-store';
import type { AccessResolver } from '../access/access-resolver';
import { authorizeCase } from '../access/authorize';
import { caseNotFound } from '../cases/case-errors';

/**
 * The one place the document use cases load their case, through the access policy: documents follow
 * the case's visibility (404 when the case is invisible, 403 when the action is not allowed): reading
 * them is `case.read`; adding versions, check-out and sharing one document with a partner `case.update`.
 */
/** What the document use cases need to judge access. */
export type DocumentAccess = { access: Pick<AccessResolver, 'actorFor'> };

export async function loadCaseForDocuments(
  deps: { caseStore: Pick<CaseStore, 'load'>; access: Pick<AccessResolver, 'actorFor'> },
  principal: UserPrincipal,
  caseId: string,
  action: CaseAction,
): Promise<{ state: CaseState; etag: string }> {
  const loaded = await deps.caseStore.load<CaseState>(caseId);
  if (!loaded) throw caseNotFound(caseId);
  authorizeCase(await deps.access.actorFor(principal), action, loaded.state);
  return { state: loaded.state, etag: loaded.etag };
}
