import type { AtwCalendar } from '../../domain/calendar';
import { recomputeDeadline, type CaseState } from '../../domain/cases';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { EventLog } from '../../ports/event-log';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from '../cases/case-type-of';
import { changeCase, type ChangeCaseDeps } from '../cases/change-case';
import { actorOf, defaultChannelOf, type SystemPrincipal } from '../cases/event-actor';

/** The actor of `case.deadline-recomputed` events. */
export const calendarActor: SystemPrincipal = { kind: 'system', id: 'zaakwerk-calendar', name: 'Zaakwerk feestdagenkalender' };

export type RecomputeDeps = ChangeCaseDeps & {
  caseTypes: Pick<CaseTypeRepository, 'getVersion'>;
  eventLog: Pick<EventLog, 'listCaseIds'>;
};

export type RecomputeOutcome =
  | {
      caseId: string;
      number: string;
      kind: 'moved';
      from: string | null;
      to: string | null;
      plannedFrom: string | null;
      plannedTo: string | null;
    }
  | { caseId: string; number: string; kind: 'failed'; error: string };

export interface RecomputeReport {
  /** Open (or suspended) cases looked at. */
  checked: number;
  outcomes: RecomputeOutcome[];
}

const maxAttempts = 3;

/**
 * Applies a holiday-calendar change (a new decree day in the data file) to every open case: recomputes
 * each deadline from its stored inputs with `calendar` and, where the final or planned date moves,
 * records it through the normal case commit (`case.deadline-recomputed`, telling the skipped holidays).
 * Closed cases keep their history. `dryRun` reports without writing. Running it again moves nothing.
 */
export async function recomputeOpenDeadlines(
  deps: RecomputeDeps,
  calendar: AtwCalendar,
  options: { dryRun: boolean },
  log: Logger,
): Promise<RecomputeReport> {
  const outcomes: RecomputeOutcome[] = [];
  let checked = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.eventLog.listCaseIds({ limit: 500, ...(cursor ? { cursor } : {}) });
    for (const caseId of page.caseIds) {
      const loaded = await deps.caseStore.load<CaseState>(caseId);
      if (!loaded || loaded.state.status === 'closed') continue;
      checked++;
      try {
        const outcome = await recomputeOne(deps, calendar, caseId, options.dryRun, log);
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        outcomes.push({
          caseId,
          number: loaded.state.number,
          kind: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { checked, outcomes };
}

async function recomputeOne(
  deps: RecomputeDeps,
  calendar: AtwCalendar,
  caseId: string,
  dryRun: boolean,
  log: Logger,
): Promise<RecomputeOutcome | null> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await deps.caseStore.load<CaseState>(caseId);
    if (!loaded || loaded.state.status === 'closed') return null;
    const before = loaded.state.deadline;
    const rules = await caseTypeOf(deps, loaded.state);
    // A preview with the stamp changeCase will use, to report (or, dry, only report) the move.
    const stamp = {
      occurredAt: deps.clock.now().toISOString(),
      ...actorOf(calendarActor),
      channel: defaultChannelOf(calendarActor),
    };
    const preview = recomputeDeadline(loaded.state, rules, calendar, stamp);
    if (!preview) return null;
    const moved = (after: CaseState['deadline']): RecomputeOutcome => ({
      caseId,
      number: loaded.state.number,
      kind: 'moved',
      from: before.final,
      to: after.final,
      plannedFrom: before.planned,
      plannedTo: after.planned,
    });
    if (dryRun) return moved(preview.state.deadline);
    try {
      const changed = await changeCase(deps, calendarActor, { caseId, ifMatch: loaded.etag }, log, (state, stampNow) =>
        recomputeDeadline(state, rules, calendar, stampNow),
      );
      return moved(changed.state.deadline);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || attempt >= maxAttempts) throw error;
    }
  }
}

/** One report line: `ZAAK-2026-000123  14 May 2026 → 18 May 2026` style, dates as YYYY-MM-DD. */
export function describeRecomputeOutcome(outcome: RecomputeOutcome): string {
  if (outcome.kind === 'failed') return `FAILED ${outcome.number} (${outcome.caseId}): ${outcome.error}`;
  const planned =
    outcome.plannedFrom === outcome.plannedTo ? '' : `; planned ${outcome.plannedFrom ?? '-'} -> ${outcome.plannedTo ?? '-'}`;
  return `${outcome.number}: ${outcome.from ?? '-'} -> ${outcome.to ?? '-'}${planned}`;
}
