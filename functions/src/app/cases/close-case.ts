import type { Outcome } from '../../contract/case-type';
import type { LocalDate } from '../../domain/calendar';
import {
  amsterdamToday,
  archiveFor,
  closeCase as close,
  closeGates,
  finalPhaseOf,
  publishedRules,
  type ArchiveContext,
  type CaseState,
} from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseStore } from '../../ports/case-store';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { AppError } from '../errors';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

/** 422: closing refused, with every unmet condition listed. */
export const closeGatesUnmet = (gates: readonly { path: string; code: string; message: string }[]) =>
  new AppError('rule-violation', 'case.close-gates-unmet', `The case cannot be closed: ${gates.length} condition(s) unmet`, {
    errors: gates.map(({ path, code, message }) => ({ path, code, message })),
  });

/** The outcome's archive settings by key (published versions carry fragments resolved). */
export const outcomeOf = (outcomes: readonly unknown[], key: string | undefined): Outcome | undefined =>
  (outcomes as (Outcome | { fragment: string })[]).find(
    (outcome): outcome is Outcome => 'archive' in outcome && outcome.key === key,
  );

/** The trigger inputs stored in other cases: closing dates of the related cases and of the parent. */
export async function archiveContextOf(
  deps: { caseStore: Pick<CaseStore, 'load'> },
  state: Pick<CaseState, 'links'>,
  trigger: string,
): Promise<ArchiveContext> {
  const closedOn = async (caseId: string) => (await deps.caseStore.load<CaseState>(caseId))?.state.closedOn ?? null;
  if (trigger === 'related') {
    return {
      relatedClosedOn: await Promise.all(
        state.links.filter((link) => link.kind === 'related').map((link) => closedOn(link.caseId)),
      ),
    };
  }
  const parent = state.links.find((link) => link.kind === 'parent');
  if (trigger === 'parent' && parent) return { parentClosedOn: await closedOn(parent.caseId) };
  return {};
}

/**
 * Closes a case with an outcome of its type (issue 4 item 2): refused with 422 listing every unmet
 * condition (closeGates: final phase's gates, required approvals, open tasks, suspension, date); on
 * success the case is in its final phase with its outcome, closing date and the archive action and date
 * derived from the outcome (issue 5 item 3).
 */
export function closeCase(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: {
    caseId: string;
    ifMatch: string | undefined;
    outcome: string;
    on?: LocalDate;
    authorize?: (state: CaseState) => void;
  },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) => {
    const caseType = await caseTypeOf(deps, state);
    const rules = publishedRules(caseType);
    const today = amsterdamToday(new Date(stamp.occurredAt));
    const on = request.on ?? today;
    const gates = closeGates(state, { ...rules, outcomes: caseType.outcomes }, { outcome: request.outcome, on }, today);
    const outcome = outcomeOf(caseType.outcomes, request.outcome);
    const final = finalPhaseOf(rules);
    if (gates.length > 0 || !outcome || !final) throw closeGatesUnmet(gates);
    const context = await archiveContextOf(deps, state, outcome.archive.trigger);
    const archive = archiveFor(outcome, { closedOn: on, fields: state.fields, archive: state.archive }, context);
    return close(
      state,
      { outcome: { key: outcome.key, name: outcome.name }, on, phase: { key: final.key, name: final.name }, archive },
      stamp,
    );
  });
}
