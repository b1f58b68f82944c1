import type { AtwCalendar, LocalDate } from '../../domain/calendar';
import type { CaseState } from '../../domain/cases';
import { dueSignals, raiseSignals, type SignalContext } from '../../domain/signals';
import type { CaseType } from '../../contract/case-type';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from '../cases/case-type-of';
import { changeCase, type ChangeCaseDeps } from '../cases/change-case';
import type { SystemPrincipal } from '../cases/event-actor';

/** The actor of every signal event. */
export const signalTimerActor: SystemPrincipal = { kind: 'system', id: 'zaakwerk-signals', name: 'Zaakwerk signalering' };

export type SignalCaseDeps = ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'>; calendar?: AtwCalendar };

const maxAttempts = 3;

/** The signal context of a case under its own case-type version. */
export function signalContextOf(caseType: CaseType, today: LocalDate, calendar?: AtwCalendar): SignalContext {
  return {
    today,
    atRiskWorkingDays: caseType.signals.atRiskWorkingDays,
    coordinatorGroups: caseType.access.filter((grant) => grant.role === 'coordinator').map((grant) => grant.group),
    ...(calendar ? { calendar } : {}),
  };
}

/**
 * Raises the signals due on `today` for one case, through the normal case commit (events + outbox in
 * one transaction, ETag-guarded). Returns how many were raised; 0 when nothing is due (no write).
 * A concurrent change (412) is retried against the new state, so a signal is neither lost nor doubled.
 */
export async function signalCase(deps: SignalCaseDeps, caseId: string, today: LocalDate, log: Logger): Promise<number> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const loaded = await deps.caseStore.load<CaseState>(caseId);
    if (!loaded || loaded.state.status === 'closed') return 0;
    const context = signalContextOf(await caseTypeOf(deps, loaded.state), today, deps.calendar);
    if (dueSignals(loaded.state, context).length === 0) return 0;
    try {
      let raised = 0;
      await changeCase(deps, signalTimerActor, { caseId, ifMatch: loaded.etag }, log, (state, stamp) => {
        const transition = raiseSignals(state, dueSignals(state, context), stamp);
        raised = transition?.events.length ?? 0;
        return transition;
      });
      return raised;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt === maxAttempts) throw error;
      log.debug('case changed while signalling; trying again', { caseId, attempt });
    }
  }
  return 0;
}
