import type { CaseType } from '../../contract/case-type';
import type { CaseSnapshot } from '../case-types/migration';
import type { CaseState } from './case-state';
import type { ChangeStamp, Transition } from './case-transitions';

/** What the case-type migration check (domain/case-types/migration.ts) needs to know of a case. */
export const migrationSnapshotOf = (state: CaseState): CaseSnapshot => ({
  caseTypeKey: state.caseType.key,
  caseTypeVersion: state.caseType.version,
  status: state.status,
  phase: state.phase.key,
  ...(state.outcome ? { outcome: state.outcome.key } : {}),
  fields: state.fields,
});

/**
 * The case moves to version `to` of its type (checked first with canMigrate): it records the new
 * version and takes the phase name of that version; one `case.migrated` event keeps from → to.
 */
export function migrateCaseVersion(state: CaseState, to: CaseType, stamp: ChangeStamp): Transition {
  const caseType = { key: to.key, version: to.version, name: to.name };
  const phaseName = to.phases.find((phase) => phase.key === state.phase.key)?.name ?? state.phase.name;
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  return {
    state: { ...state, caseType, phase: { key: state.phase.key, name: phaseName }, updatedAt: occurredAt },
    events: [
      {
        type: 'case.migrated',
        occurredAt,
        actor,
        ...(onBehalfOf ? { onBehalfOf } : {}),
        channel,
        data: { before: { caseType: state.caseType }, after: { caseType } },
      },
    ],
  };
}
