import type { CaseType } from '../contract/case-type';
import type { CaseState } from '../domain/cases';
import type { JsonValue } from '../domain/events';
import type { UserPrincipal } from '../domain/principal';
import type { GlobalRole } from '../domain/roles';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../ports/case-store';
import type { Logger } from '../ports/logger';
import type { DirectoryUser, UserDirectory } from '../ports/user-directory';
import { inMemoryCaseTypes } from './in-memory-case-types';

export const silentLog: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLog };

export const aPrincipal = (oid: string, name: string, roles: GlobalRole[] = [], groups: string[] = []): UserPrincipal => ({
  kind: 'user',
  oid,
  tid: 'tenant',
  name,
  upn: `${oid}@zaakwerk.test`,
  email: null,
  roles,
  groups,
});

/**
 * Cases in memory, each guarded by its etag like the Table adapter (`W/"<sequence>"`), with the case
 * types and the directory the task and closing use cases read; for fast unit tests of those use cases.
 */
export function inMemoryCases(options: { cases: CaseState[]; caseTypes?: CaseType[]; users?: DirectoryUser[]; now?: string }) {
  const cases = new Map<string, LoadedCase<CaseState>>(
    options.cases.map((state) => [state.id, { state, etag: 'W/"1"', lastSequence: 1, lastHash: 'h1' }]),
  );
  const commits: { caseId: string; commit: CaseCommit<JsonValue> }[] = [];
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>(id: string) => Promise.resolve((cases.get(id) ?? null) as LoadedCase<S> | null),
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      const current = cases.get(caseId);
      if (!current || commit.expected === 'new' || commit.expected.etag !== current.etag) {
        return Promise.reject(new ConcurrencyConflict(caseId, current?.etag ?? null));
      }
      commits.push({ caseId, commit: commit as unknown as CaseCommit<JsonValue> });
      const sequence = current.lastSequence + commit.events.length;
      const next = {
        state: commit.state as unknown as CaseState,
        etag: `W/"${sequence}"`,
        lastSequence: sequence,
        lastHash: `h${sequence}`,
      };
      cases.set(caseId, next);
      return Promise.resolve({ etag: next.etag, head: { sequence, hash: next.lastHash }, outboxCount: 1, outboxMarker: null });
    },
  };
  const users = options.users ?? [];
  const userDirectory: UserDirectory = { findUser: (oid) => Promise.resolve(users.find((user) => user.id === oid) ?? null) };
  const deps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(0) },
    clock: { now: () => new Date(options.now ?? '2026-03-10T10:00:00.000Z') },
    caseTypes: inMemoryCaseTypes(options.caseTypes ?? []),
    userDirectory,
  };
  return {
    deps,
    commits,
    get: (id: string) => {
      const found = cases.get(id);
      if (!found) throw new Error(`no case ${id}`);
      return found;
    },
  };
}

export const aDirectoryUser = (id: string, displayName: string): DirectoryUser => ({
  id,
  displayName,
  userPrincipalName: `${id}@zaakwerk.test`,
  mail: null,
  groupIds: [],
  appRoles: [],
});
