import type { CaseType } from '../../contract/case-type';
import type { CaseState } from '../../domain/cases';
import type { JsonValue } from '../../domain/events';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { migrateCases, type MigrateCasesDeps } from './migrate-cases';
import { silentLog } from '../../test-support/principals';

const beheerder: UserPrincipal = {
  kind: 'user',
  oid: 'admin-1',
  tid: 'tenant',
  name: 'Pieter Jansen',
  upn: 'beheerder@zaakwerk.test',
  email: null,
  roles: ['administrator'],
  groups: [],
};

/** Version 2 of the omgevingsvergunning: a field required to enter beoordeling, one phase renamed. */
function versionTwo(): CaseType {
  const v1 = shippedOmgevingsvergunning();
  return {
    ...v1,
    version: 2,
    fields: [...v1.fields, { key: 'kadastraalPerceel', label: 'Kadastraal perceel', type: 'text', required: false }],
    phases: v1.phases.map((phase) =>
      phase.key === 'intake'
        ? { ...phase, name: 'Ontvangst en intake' }
        : phase.key === 'beoordeling'
          ? { ...phase, requiredFields: [...phase.requiredFields, 'kadastraalPerceel'] }
          : phase,
    ),
  } as CaseType;
}

/** A case store holding the given cases; `changeBeforeCommit` makes the next commit of that case lose its ETag race. */
function fakes(cases: CaseState[]) {
  const rows = new Map<string, LoadedCase<JsonValue>>(
    cases.map((state) => [
      state.id,
      { state: state as unknown as JsonValue, etag: `W/"${state.id}-1"`, lastSequence: 1, lastHash: 'h' },
    ]),
  );
  const commits: { caseId: string; commit: CaseCommit<JsonValue> }[] = [];
  let raceOn: string | undefined;
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>(caseId: string) => {
      const row = rows.get(caseId);
      return Promise.resolve(row ? (structuredClone(row) as unknown as LoadedCase<S>) : null);
    },
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      const row = rows.get(caseId);
      if (!row || commit.expected === 'new' || commit.expected.etag !== row.etag || raceOn === caseId) {
        return Promise.reject(new ConcurrencyConflict(caseId, row?.etag ?? null));
      }
      commits.push({ caseId, commit: commit as unknown as CaseCommit<JsonValue> });
      rows.set(caseId, { ...row, state: commit.state, etag: `W/"${caseId}-2"`, lastSequence: row.lastSequence + 1 });
      return Promise.resolve({ etag: `W/"${caseId}-2"`, head: { sequence: 2, hash: 'h2' }, outboxCount: 1, outboxMarker: null });
    },
  };
  const deps: MigrateCasesDeps = {
    caseTypes: { listVersions: () => Promise.resolve([shippedOmgevingsvergunning(), versionTwo()]) },
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(1) },
    clock: { now: () => new Date('2026-03-10T10:00:00.000Z') },
  };
  return { deps, commits, rows, loseRaceOn: (caseId: string) => (raceOn = caseId) };
}

describe('migrateCases', () => {
  const intake = aCase({ id: 'c-intake', number: 'ZAAK-2026-000001' });
  const beoordeling = aCase({
    id: 'c-beoordeling',
    number: 'ZAAK-2026-000002',
    phase: { key: 'beoordeling', name: 'Inhoudelijke beoordeling' },
  });

  it('moves a case that fits version 2 with one case.migrated event (from → to) and the new phase name', async () => {
    const { deps, commits } = fakes([intake]);
    const outcome = await migrateCases(deps, beheerder, 'omgevingsvergunning', 2, ['c-intake'], silentLog);
    expect(outcome).toEqual({
      migrated: [{ caseId: 'c-intake', number: 'ZAAK-2026-000001', from: 1, to: 2, etag: 'W/"c-intake-2"' }],
      refused: [],
    });
    const [{ commit }] = commits as [(typeof commits)[number]];
    expect(commit.state).toMatchObject({
      caseType: { key: 'omgevingsvergunning', version: 2 },
      phase: { key: 'intake', name: 'Ontvangst en intake' },
    });
    expect(commit.events).toEqual([
      expect.objectContaining({
        type: 'case.migrated',
        actor: { id: 'admin-1', name: 'Pieter Jansen', kind: 'user' },
        data: {
          before: { caseType: { key: 'omgevingsvergunning', version: 1, name: 'Omgevingsvergunning' } },
          after: { caseType: { key: 'omgevingsvergunning', version: 2, name: 'Omgevingsvergunning' } },
        },
      }),
    ]);
  });

  it('refuses each case that would become invalid, closed, of another type or unknown, with its reasons, writing nothing', async () => {
    const closed = aCase({ id: 'c-closed', status: 'closed' });
    const klacht = aCase({ id: 'c-klacht', caseType: { key: 'klacht', version: 1, name: 'Klacht' } });
    const { deps, commits } = fakes([beoordeling, closed, klacht]);
    const outcome = await migrateCases(
      deps,
      beheerder,
      'omgevingsvergunning',
      2,
      ['c-beoordeling', 'c-closed', 'c-klacht', 'c-weg'],
      silentLog,
    );
    expect(outcome.migrated).toEqual([]);
    expect(outcome.refused.map(({ caseId, reasons }) => [caseId, reasons.map((r) => r.code)])).toEqual([
      ['c-beoordeling', ['field.required-missing']],
      ['c-closed', ['migration.case-closed']],
      ['c-klacht', ['migration.other-case-type']],
      ['c-weg', ['case.not-found']],
    ]);
    expect(commits).toEqual([]);
  });

  it('refuses a case that changed between the check and the commit instead of migrating it unchecked', async () => {
    const { deps, commits, loseRaceOn } = fakes([intake]);
    loseRaceOn('c-intake');
    const outcome = await migrateCases(deps, beheerder, 'omgevingsvergunning', 2, ['c-intake'], silentLog);
    expect(outcome.refused).toEqual([
      { caseId: 'c-intake', reasons: [expect.objectContaining({ code: 'migration.case-changed' })] },
    ]);
    expect(commits).toEqual([]);
  });

  it('answers 404 for a version that does not exist and handles a case named twice once', async () => {
    const { deps, commits } = fakes([intake]);
    await expect(migrateCases(deps, beheerder, 'omgevingsvergunning', 3, ['c-intake'], silentLog)).rejects.toMatchObject({
      code: 'case-type.not-found',
    });
    const outcome = await migrateCases(deps, beheerder, 'omgevingsvergunning', 2, ['c-intake', 'c-intake'], silentLog);
    expect(outcome.migrated).toHaveLength(1);
    expect(commits).toHaveLength(1);
  });
});
