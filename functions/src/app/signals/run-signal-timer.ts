import type { AtwCalendar } from '../../domain/calendar';
import { amsterdamToday } from '../../domain/cases';
import { deadlineCandidateBound } from '../../domain/signals';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import type { SignalCandidateReader } from '../../ports/signals';
import { signalCase, type SignalCaseDeps } from './signal-case';

export type SignalTimerDeps = SignalCaseDeps & {
  caseTypes: Pick<CaseTypeRepository, 'getVersion' | 'listAllVersions'>;
  candidates: SignalCandidateReader;
  calendar?: AtwCalendar;
};

export interface SignalTimerRun {
  today: string;
  /** Cases loaded because the read model said they might need a signal. */
  candidates: number;
  /** Signals raised (events written). */
  signals: number;
  /** Cases that could not be signalled this run (logged; the next run tries again). */
  failed: number;
}

/**
 * One run of the signal timer (issue 5 item 4): finds candidates in the read models — each case type's
 * queue up to the last at-risk date (skipping rows whose deadline signal is already recorded), and the
 * agenda of tasks, reminders and applicant's terms — then raises what is due per case. Running it again
 * raises nothing new: each signal is stored with its mark in one commit (domain/signals).
 */
export async function runSignalTimer(deps: SignalTimerDeps, log: Logger): Promise<SignalTimerRun> {
  const today = amsterdamToday(deps.clock.now());
  const thresholds = new Map<string, number>();
  // Old versions may still have open cases: take the widest threshold of a key for the candidate range.
  for (const version of await deps.caseTypes.listAllVersions()) {
    if (version.status === 'draft') continue;
    thresholds.set(version.key, Math.max(thresholds.get(version.key) ?? 0, version.signals.atRiskWorkingDays));
  }
  const caseIds = new Set<string>();
  for (const [key, threshold] of thresholds) {
    const before = deadlineCandidateBound(today, threshold, deps.calendar);
    for await (const row of deps.candidates.deadlineRows(key, before)) {
      const expected =
        row.finalDeadline < today ? `deadline-overdue|${row.finalDeadline}` : `deadline-at-risk|${row.finalDeadline}`;
      if (row.deadlineSignal !== expected) caseIds.add(row.caseId);
    }
  }
  for await (const caseId of deps.candidates.agendaCaseIds(today)) caseIds.add(caseId);

  let signals = 0;
  let failed = 0;
  for (const caseId of caseIds) {
    try {
      signals += await signalCase(deps, caseId, today, log);
    } catch (error) {
      failed++;
      log.error('signalling a case failed; the next run tries again', { caseId, error });
    }
  }
  return { today, candidates: caseIds.size, signals, failed };
}
