import type { CaseState } from '../../domain/cases';
import type { JsonValue } from '../../domain/events';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import { aCase } from '../../test-support/lifecycle-case';
import type { ChangeCaseDeps } from './change-case';
import { addCaseLink, removeCaseLink } from './link-cases';
import { silentLog } from '../../test-support/principals';

const sanne: UserPrincipal = {
  kind: 'user',
  oid: 'u-1',
  tid: 't',
  name: 'Sanne de Vries',
  upn: 's@x',
  email: null,
  roles: [],
  groups: [],
};

/** Several cases in memory, each guarded by its etag; `failNextCommitOf` simulates a storage failure. */
function store(...states: CaseState[]) {
  const cases = new Map<string, LoadedCase<CaseState>>(
    states.map((state) => [state.id, { state, etag: 'W/"1"', lastSequence: 1, lastHash: 'h' }]),
  );
  const failing = new Set<string>();
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>(id: string) => Promise.resolve((cases.get(id) ?? null) as LoadedCase<S> | null),
    commit: <S extends JsonValue>(id: string, commit: CaseCommit<S>) => {
      const current = cases.get(id);
      if (failing.delete(id)) return Promise.reject(new Error('storage down'));
      if (!current || commit.expected === 'new' || commit.expected.etag !== current.etag) {
        return Promise.reject(new ConcurrencyConflict(id, current?.etag ?? null));
      }
      const sequence = current.lastSequence + commit.events.length;
      cases.set(id, {
        state: commit.state as unknown as CaseState,
        etag: `W/"${sequence}"`,
        lastSequence: sequence,
        lastHash: 'h',
      });
      return Promise.resolve({ etag: `W/"${sequence}"`, head: { sequence, hash: 'h' }, outboxCount: 1, outboxMarker: null });
    },
  };
  const deps: ChangeCaseDeps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(0) },
    clock: { now: () => new Date('2026-03-03T10:00:00.000Z') },
  };
  return { deps, get: (id: string) => cases.get(id)!, failNextCommitOf: (id: string) => failing.add(id) };
}

const main = aCase({ id: 'main', number: 'ZAAK-2026-000001' });
const part = aCase({ id: 'part', number: 'ZAAK-2026-000002' });

describe('linking cases: each side stores its own view', () => {
  it('writes the link on this case and the inverse on the other', async () => {
    const { deps, get } = store(main, part);
    const changed = await addCaseLink(
      deps,
      sanne,
      { caseId: 'main', ifMatch: 'W/"1"', kind: 'child', otherId: 'part' },
      silentLog,
    );
    expect(changed.state.links).toEqual([
      { kind: 'child', caseId: 'part', number: 'ZAAK-2026-000002', caseType: 'omgevingsvergunning', confidentiality: 'intern' },
    ]);
    // Each side keeps the other's type and level, so readers above whose ceiling it is do not see the link.
    expect(get('part').state.links).toEqual([
      { kind: 'parent', caseId: 'main', number: 'ZAAK-2026-000001', caseType: 'omgevingsvergunning', confidentiality: 'intern' },
    ]);
  });

  it('repairs a half-done link when the same request is repeated', async () => {
    const { deps, get, failNextCommitOf } = store(main, part);
    failNextCommitOf('part');
    await expect(
      addCaseLink(deps, sanne, { caseId: 'main', ifMatch: 'W/"1"', kind: 'related', otherId: 'part' }, silentLog),
    ).rejects.toThrow('storage down');
    expect([get('main').state.links.length, get('part').state.links.length]).toEqual([1, 0]);

    const again = await addCaseLink(
      deps,
      sanne,
      { caseId: 'main', ifMatch: get('main').etag, kind: 'related', otherId: 'part' },
      silentLog,
    );
    expect(again.state.links).toHaveLength(1);
    expect(get('part').state.links).toEqual([
      { kind: 'related', caseId: 'main', number: 'ZAAK-2026-000001', caseType: 'omgevingsvergunning', confidentiality: 'intern' },
    ]);
  });

  it('refuses a second parent before writing anything (409)', async () => {
    const other = aCase({ id: 'other', number: 'ZAAK-2026-000003' });
    const { deps, get } = store(
      main,
      aCase({ ...part, links: [{ kind: 'parent', caseId: 'other', number: 'ZAAK-2026-000003' }] }),
      other,
    );
    await expect(
      addCaseLink(deps, sanne, { caseId: 'main', ifMatch: 'W/"1"', kind: 'child', otherId: 'part' }, silentLog),
    ).rejects.toMatchObject({ code: 'case.parent-exists' });
    expect(get('main').state.links).toEqual([]);
  });

  it('refuses an unknown other case (422) and the case itself', async () => {
    const { deps } = store(main);
    await expect(
      addCaseLink(deps, sanne, { caseId: 'main', ifMatch: 'W/"1"', kind: 'related', otherId: 'nope' }, silentLog),
    ).rejects.toMatchObject({
      code: 'case.link-target-unknown',
    });
    await expect(
      addCaseLink(deps, sanne, { caseId: 'main', ifMatch: 'W/"1"', kind: 'related', otherId: 'main' }, silentLog),
    ).rejects.toMatchObject({
      code: 'case.link-to-itself',
    });
  });

  it('removes the link on both sides', async () => {
    const { deps, get } = store(main, part);
    await addCaseLink(deps, sanne, { caseId: 'main', ifMatch: 'W/"1"', kind: 'related', otherId: 'part' }, silentLog);
    await removeCaseLink(deps, sanne, { caseId: 'main', ifMatch: get('main').etag, otherId: 'part' }, silentLog);
    expect([get('main').state.links, get('part').state.links]).toEqual([[], []]);
  });
});
