import type { ChangeStamp, Transition } from '../../domain/cases';
import type { CaseState } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { Logger } from '../../ports/logger';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from '../cases/change-case';
import type { SystemPrincipal } from '../cases/event-actor';

/**
 * Records a document change through changeCase. Filing a document does not depend on the rest of the
 * case, so without an If-Match from the caller it applies to the case as it is now and tries again
 * (up to 5 times) when someone else changed the case in between; with one, a stale If-Match is a 412.
 */
export async function recordOnCase(
  deps: ChangeCaseDeps,
  principal: UserPrincipal | SystemPrincipal,
  request: { caseId: string; ifMatch: string | undefined },
  log: Logger,
  apply: (state: CaseState, stamp: ChangeStamp) => Transition | null,
): Promise<ChangedCase> {
  for (let attempt = 1; ; attempt++) {
    const ifMatch = request.ifMatch ?? (await deps.caseStore.load<CaseState>(request.caseId))?.etag ?? '';
    try {
      return await changeCase(deps, principal, { caseId: request.caseId, ifMatch }, log, apply);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || request.ifMatch !== undefined || attempt >= 5) throw error;
    }
  }
}

/** Is this SharePoint version already on the document's record (e.g. recorded by the library sync)? */
export const versionRecorded = (state: CaseState, documentId: string, versionId: string): boolean =>
  state.documents?.find((d) => d.id === documentId)?.versions.some((v) => v.id === versionId) ?? false;
