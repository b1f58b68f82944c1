import { followedBy, movePhase, phaseGates, publishedRules, tasksOnPhaseEntry } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { phaseGatesUnmet } from './case-errors';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/**
 * Moves the case to another phase when every gate holds: the required checklist items of the phase it
 * leaves are done, the target's required fields are filled and its FEEL entry rule is true. A refusal
 * (422 `case.phase-gates-unmet`) lists every unmet condition. The target's task templates become open
 * tasks in the same change.
 */
export function moveCasePhase(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; phase: string },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) => {
    const rules = publishedRules(await caseTypeOf(deps, state));
    const unmet = phaseGates(state, rules, request.phase);
    const target = rules.phases.find((phase) => phase.key === request.phase);
    if (unmet.length > 0 || !target) throw phaseGatesUnmet(request.phase, unmet);
    const moved = movePhase(state, { key: target.key, name: target.name }, stamp);
    // The phase's task templates become tasks of the case (issue 4 item 3).
    return followedBy(moved, (next) => tasksOnPhaseEntry(next, rules.phases, target.key, stamp));
  });
}
