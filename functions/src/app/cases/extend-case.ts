import { extendCase as extend } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/**
 * Extends the decision term (Awb 4:14 / 7:10). 409 when the type does not allow extension; 422
 * `deadline.extension-exceeds-maximum` when all extensions together exceed the type's maximum.
 */
export function extendCase(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; duration: string; reason: string },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) =>
    extend(state, { duration: request.duration, reason: request.reason }, await caseTypeOf(deps, state), stamp),
  );
}
