import type { CaseType } from '../../contract/case-type';
import { canMigrate, type MigrationReason } from '../../domain/case-types/migration';
import type { CaseState } from '../../domain/cases';
import { migrateCaseVersion, migrationSnapshotOf } from '../../domain/cases/case-migration';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { changeCase, type ChangeCaseDeps } from '../cases/change-case';
import { caseTypeNotFound } from './case-type-errors';

export interface MigrateCasesDeps extends ChangeCaseDeps {
  caseTypes: Pick<CaseTypeRepository, 'listVersions'>;
}

export interface MigratedCase {
  caseId: string;
  number: string;
  from: number;
  to: number;
  etag: string;
}

export interface RefusedCase {
  caseId: string;
  reasons: MigrationReason[];
}

export interface MigrationOutcome {
  migrated: MigratedCase[];
  refused: RefusedCase[];
}

const refusal = (caseId: string, code: string, message: string): RefusedCase => ({ caseId, reasons: [{ code, message }] });

/**
 * Moves the chosen running cases of a type to version `toVersion`, one case at a time: each is checked
 * with canMigrate (phase still there, no value dropped, required fields filled, …) and either refused
 * with every reason or changed through changeCase — its own transaction with a `case.migrated` event
 * (from → to, who, when), guarded by the ETag it was checked with. A case changed in between is refused
 * (`migration.case-changed`), never migrated unchecked. Closed cases stay on their version.
 */
export async function migrateCases(
  deps: MigrateCasesDeps,
  principal: UserPrincipal,
  key: string,
  toVersion: number,
  caseIds: readonly string[],
  log: Logger,
): Promise<MigrationOutcome> {
  const versions = await deps.caseTypes.listVersions(key);
  const target = versions.find((version) => version.version === toVersion);
  if (!target) throw caseTypeNotFound(key, toVersion);
  const outcome: MigrationOutcome = { migrated: [], refused: [] };
  for (const caseId of [...new Set(caseIds)]) {
    const result = await migrateOne(deps, principal, versions, target, caseId, log);
    if ('reasons' in result) outcome.refused.push(result);
    else outcome.migrated.push(result);
  }
  return outcome;
}

async function migrateOne(
  deps: MigrateCasesDeps,
  principal: UserPrincipal,
  versions: readonly CaseType[],
  target: CaseType,
  caseId: string,
  log: Logger,
): Promise<MigratedCase | RefusedCase> {
  const loaded = await deps.caseStore.load<CaseState>(caseId);
  if (!loaded) return refusal(caseId, 'case.not-found', `There is no case ${caseId}`);
  const { state } = loaded;
  if (state.caseType.key !== target.key) {
    return refusal(caseId, 'migration.other-case-type', `The case is a ${state.caseType.key}, not a ${target.key}`);
  }
  if (state.status === 'closed') return refusal(caseId, 'migration.case-closed', 'A closed case stays on its version');
  const from = versions.find((version) => version.version === state.caseType.version);
  if (!from) return refusal(caseId, 'migration.source-unknown', `Version ${state.caseType.version} is not stored`);
  const check = canMigrate(migrationSnapshotOf(state), from, target);
  if (!check.allowed) return { caseId, reasons: check.reasons };
  try {
    const changed = await changeCase(deps, principal, { caseId, ifMatch: loaded.etag }, log, (current, stamp) =>
      migrateCaseVersion(current, target, stamp),
    );
    return { caseId, number: changed.state.number, from: from.version, to: target.version, etag: changed.etag };
  } catch (error) {
    if (error instanceof ConcurrencyConflict) {
      return refusal(caseId, 'migration.case-changed', 'The case changed while it was checked; try again');
    }
    throw error;
  }
}
