import type { CaseState } from '../../domain/cases';
import type { JsonValue } from '../../domain/events';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import type { Logger } from '../../ports/logger';
import type { DeadlineCandidateRow, SignalCandidateReader } from '../../ports/signals';
import { inMemoryCaseTypes } from '../../test-support/in-memory-case-types';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { runSignalTimer, type SignalTimerDeps } from './run-signal-timer';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** Cases in memory, each guarded by its etag like the table adapter; `beforeCommit` can interfere once. */
function fakes(states: CaseState[], today: string) {
  const stored = new Map<string, LoadedCase<CaseState>>(
    states.map((state) => [state.id, { state, etag: 'W/"1"', lastSequence: 1, lastHash: 'h1' }]),
  );
  const commits: { caseId: string; types: string[] }[] = [];
  const loads: string[] = [];
  let beforeCommit: ((caseId: string) => void) | null = null;
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>(caseId: string) => {
      loads.push(caseId);
      return Promise.resolve((stored.get(caseId) ?? null) as LoadedCase<S> | null);
    },
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      const interfere = beforeCommit;
      beforeCommit = null;
      interfere?.(caseId);
      const current = stored.get(caseId);
      if (!current || commit.expected === 'new' || commit.expected.etag !== current.etag) {
        return Promise.reject(new ConcurrencyConflict(caseId, current?.etag ?? null));
      }
      commits.push({ caseId, types: commit.events.map((e) => e.type) });
      const sequence = current.lastSequence + commit.events.length;
      stored.set(caseId, {
        state: commit.state as unknown as CaseState,
        etag: `W/"${sequence}"`,
        lastSequence: sequence,
        lastHash: `h${sequence}`,
      });
      return Promise.resolve({ etag: `W/"${sequence}"`, head: { sequence, hash: 'h' }, outboxCount: 1, outboxMarker: 'm' });
    },
  };
  /** The read model as the projector would have it: final date and deadline mark per case. */
  const rows = (): DeadlineCandidateRow[] =>
    [...stored.values()]
      .filter((c) => c.state.deadline.final !== null)
      .map((c) => ({
        caseId: c.state.id,
        finalDeadline: c.state.deadline.final ?? '',
        deadlineSignal: c.state.signalled?.deadline
          ? `${c.state.signalled.deadline.kind}|${c.state.signalled.deadline.basis}`
          : null,
      }));
  const candidates: SignalCandidateReader = {
    async *deadlineRows(_key, before) {
      for (const row of rows().sort((a, b) => a.finalDeadline.localeCompare(b.finalDeadline))) {
        if (row.finalDeadline < before) yield row;
      }
    },
    async *agendaCaseIds() {},
  };
  const deps: SignalTimerDeps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(1) },
    clock: { now: () => new Date(`${today}T05:00:00.000Z`) },
    caseTypes: inMemoryCaseTypes([shippedOmgevingsvergunning()]),
    candidates,
  };
  return {
    deps,
    commits,
    loads,
    stored,
    interfereOnce(fn: (caseId: string) => void) {
      beforeCommit = fn;
    },
  };
}

// The omgevingsvergunning is at risk below 10 working days.
const dueOn = (id: string, final: string) =>
  aCase({ id, number: `ZAAK-2026-${id}`, deadline: { final, planned: null, suspendedDays: 0 } });

describe('a run of the signal timer', () => {
  it('signals only the cases in the at-risk range, and loads none of them again on the next run', async () => {
    // Today Wed 1 July 2026: 14 July leaves 10 working days (on track), 13 July 9 (at risk), 30 June passed.
    const f = fakes([dueOn('far', '2026-07-14'), dueOn('near', '2026-07-13'), dueOn('late', '2026-06-30')], '2026-07-01');
    const first = await runSignalTimer(f.deps, silent);
    expect(first).toEqual({ today: '2026-07-01', candidates: 2, signals: 2, failed: 0 });
    expect(f.commits).toEqual([
      { caseId: 'late', types: ['signal.deadline-overdue'] },
      { caseId: 'near', types: ['signal.deadline-at-risk'] },
    ]);
    expect(f.loads).not.toContain('far');

    f.loads.length = 0;
    const second = await runSignalTimer(f.deps, silent);
    expect(second).toMatchObject({ candidates: 0, signals: 0 });
    expect(f.loads).toEqual([]);
    expect(f.commits).toHaveLength(2);
  });

  it('retries against the new state when a user changes the case in between, without a second signal', async () => {
    const f = fakes([dueOn('near', '2026-07-13')], '2026-07-01');
    f.interfereOnce((caseId) => {
      const current = f.stored.get(caseId);
      if (current) f.stored.set(caseId, { ...current, state: { ...current.state, title: 'Nieuw' }, etag: 'W/"user"' });
    });
    await expect(runSignalTimer(f.deps, silent)).resolves.toMatchObject({ signals: 1, failed: 0 });
    expect(f.commits).toEqual([{ caseId: 'near', types: ['signal.deadline-at-risk'] }]);
    expect(f.stored.get('near')?.state.title).toBe('Nieuw');
  });

  it('counts a case that cannot be signalled as failed and goes on with the others', async () => {
    const broken = aCase({
      id: 'broken',
      caseType: { key: 'omgevingsvergunning', version: 99, name: 'Omgevingsvergunning' },
      deadline: { final: '2026-06-30', planned: null, suspendedDays: 0 },
    });
    const f = fakes([broken, dueOn('late', '2026-06-30')], '2026-07-01');
    await expect(runSignalTimer(f.deps, silent)).resolves.toMatchObject({ candidates: 2, signals: 1, failed: 1 });
  });
});
