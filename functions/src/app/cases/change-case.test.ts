import { takeCase as take, type CaseState } from '../../domain/cases';
import { DomainError } from '../../domain/errors';
import type { JsonValue } from '../../domain/events';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import { aCase } from '../../test-support/lifecycle-case';
import { AppError } from '../errors';
import { changeCase, type ChangeCaseDeps } from './change-case';
import { sanne, silentLog } from '../../test-support/principals';

/** One case in memory, guarded by its etag like the table adapter. */
function fakes(state: CaseState | null) {
  let stored: LoadedCase<CaseState> | null = state && { state, etag: 'W/"1"', lastSequence: 1, lastHash: 'h1' };
  const commits: CaseCommit<JsonValue>[] = [];
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>() => Promise.resolve(stored as LoadedCase<S> | null),
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      if (!stored || commit.expected === 'new' || commit.expected.etag !== stored.etag) {
        return Promise.reject(new ConcurrencyConflict(caseId, stored?.etag ?? null));
      }
      commits.push(commit);
      const sequence = stored.lastSequence + commit.events.length;
      stored = {
        state: commit.state as unknown as CaseState,
        etag: `W/"${sequence}"`,
        lastSequence: sequence,
        lastHash: `h${sequence}`,
      };
      return Promise.resolve({ etag: stored.etag, head: { sequence, hash: stored.lastHash }, outboxCount: 1, outboxMarker: 'm' });
    },
  };
  const dispatched: (string | null)[] = [];
  const deps: ChangeCaseDeps = {
    caseStore,
    outbox: { dispatchOutbox: (_caseId, marker) => (dispatched.push(marker ?? null), Promise.resolve(1)) },
    clock: { now: () => new Date('2026-03-03T10:00:00.000Z') },
  };
  return { deps, commits, dispatched };
}

const takeIt = (state: CaseState, stamp: Parameters<typeof take>[2]) => take(state, { id: sanne.oid, name: sanne.name }, stamp);

describe('changing a case', () => {
  it('commits the transition, its events and a case.changed outbox message guarded by the loaded etag, then dispatches', async () => {
    const { deps, commits, dispatched } = fakes(aCase());
    const changed = await changeCase(deps, sanne, { caseId: 'case-1', ifMatch: 'W/"1"' }, silentLog, takeIt);
    expect(changed.etag).toBe('W/"2"');
    expect(changed.state.assignee).toEqual({ id: 'u-1', name: 'Sanne de Vries' });
    expect(commits).toHaveLength(1);
    expect(commits[0]).toMatchObject({
      expected: { etag: 'W/"1"', lastSequence: 1, lastHash: 'h1' },
      events: [
        { type: 'case.taken', actor: { id: 'u-1', kind: 'user' }, channel: 'api', occurredAt: '2026-03-03T10:00:00.000Z' },
      ],
      outbox: [{ type: 'case.changed', payload: { caseId: 'case-1', events: ['case.taken'] } }],
      columns: { status: 'open' },
    });
    expect(dispatched).toEqual(['m']);
  });

  it('answers 404 for a case that does not exist', async () => {
    const { deps } = fakes(null);
    await expect(changeCase(deps, sanne, { caseId: 'x', ifMatch: 'W/"1"' }, silentLog, takeIt)).rejects.toMatchObject({
      code: 'case.not-found',
    });
  });

  it('requires If-Match (428) and writes nothing without it', async () => {
    const { deps, commits } = fakes(aCase());
    const attempt = changeCase(deps, sanne, { caseId: 'case-1', ifMatch: undefined }, silentLog, takeIt);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ kind: 'precondition-required', code: 'request.if-match-required' });
    expect(commits).toHaveLength(0);
  });

  it('refuses a stale If-Match with the current etag and writes nothing', async () => {
    const { deps, commits } = fakes(aCase());
    await expect(changeCase(deps, sanne, { caseId: 'case-1', ifMatch: 'W/"0"' }, silentLog, takeIt)).rejects.toEqual(
      new ConcurrencyConflict('case-1', 'W/"1"'),
    );
    expect(commits).toHaveLength(0);
  });

  it('refuses every change to a closed case except one allowed when closed (reopen)', async () => {
    const { deps, commits } = fakes(aCase({ status: 'closed' }));
    const attempt = changeCase(deps, sanne, { caseId: 'case-1', ifMatch: 'W/"1"' }, silentLog, takeIt);
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ kind: 'conflict', code: 'case.closed' });
    await changeCase(deps, sanne, { caseId: 'case-1', ifMatch: 'W/"1"', allowedWhenClosed: true }, silentLog, takeIt);
    expect(commits).toHaveLength(1);
  });

  it('writes nothing and keeps the etag when the transition changes nothing', async () => {
    const { deps, commits } = fakes(aCase());
    const same = await changeCase(deps, sanne, { caseId: 'case-1', ifMatch: 'W/"1"' }, silentLog, () => null);
    expect(same.etag).toBe('W/"1"');
    expect(commits).toHaveLength(0);
  });

  it('still answers when the dispatch after the commit fails (the sweep sends it later)', async () => {
    const { deps } = fakes(aCase());
    deps.outbox = { dispatchOutbox: () => Promise.reject(new Error('queue down')) };
    const changed = await changeCase(deps, sanne, { caseId: 'case-1', ifMatch: 'W/"1"' }, silentLog, takeIt);
    expect(changed.etag).toBe('W/"2"');
  });
});
