import type { LocalDate } from '../../domain/calendar';
import { resumeCase as resume } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/** The information arrived on `on`: the suspension ends and the final date is recomputed. 409 when not suspended. */
export function resumeCase(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; on: LocalDate },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) =>
    resume(state, { on: request.on }, await caseTypeOf(deps, state), stamp),
  );
}
