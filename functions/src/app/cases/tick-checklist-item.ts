import { publishedRules, tickChecklistItem as tick } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { checklistItemUnknown } from './case-errors';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/** Ticks or unticks a checklist item of one of the case type's phases (phase gates read them). */
export function tickChecklistItem(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; phase: string; item: string; done: boolean },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) => {
    const rules = publishedRules(await caseTypeOf(deps, state));
    const phase = rules.phases.find((candidate) => candidate.key === request.phase);
    if (!phase?.checklist.some((item) => item.key === request.item)) throw checklistItemUnknown(request.phase, request.item);
    return tick(state, { phase: request.phase, item: request.item, done: request.done }, stamp);
  });
}
