import type { CaseType } from '../../contract/case-type';
import { parseLocalDate } from '../calendar';
import { computeDeadline } from '../deadlines';
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
 * The deadline under the target version's terms (issue 5: a change of the case-type term recomputes).
 * A suspended case has no final date until it resumes, and resuming reads the new version's terms.
 */
function deadlineUnder(state: CaseState, to: CaseType): CaseState['deadline'] {
  const flags = {
    lexSilencio: to.lexSilencio,
    dwangsom: to.dwangsom,
    suspensionAllowed: to.suspension.allowed,
    extensionAllowed: to.extension.allowed,
  };
  if (state.status !== 'open' || !to.legalTerm) return { ...state.deadline, ...flags };
  const result = computeDeadline({
    receivedOn: parseLocalDate(state.receivedOn),
    legalTerm: to.legalTerm,
    serviceNorm: to.serviceNorm ?? null,
    suspensions: state.suspensions.map(({ from, until, term }) => ({
      from: parseLocalDate(from),
      until: until === null ? null : parseLocalDate(until),
      term,
    })),
    extensions: state.extensions.map(({ duration }) => ({ duration })),
    maxExtension: to.extension.max ?? null,
    lexSilencio: to.lexSilencio,
  });
  return { final: result.final, planned: result.planned, suspendedDays: result.suspendedDays, ...flags };
}

/**
 * The case moves to version `to` of its type (checked first with canMigrate): it records the new
 * version, takes the phase name of that version and the deadline under that version's terms; one
 * `case.migrated` event keeps from → to (with both deadlines when the date moved).
 */
export function migrateCaseVersion(state: CaseState, to: CaseType, stamp: ChangeStamp): Transition {
  const caseType = { key: to.key, version: to.version, name: to.name };
  const phaseName = to.phases.find((phase) => phase.key === state.phase.key)?.name ?? state.phase.name;
  const deadline = deadlineUnder(state, to);
  const moved = deadline.final !== state.deadline.final || deadline.planned !== state.deadline.planned;
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  return {
    state: { ...state, caseType, phase: { key: state.phase.key, name: phaseName }, deadline, updatedAt: occurredAt },
    events: [
      {
        type: 'case.migrated',
        occurredAt,
        actor,
        ...(onBehalfOf ? { onBehalfOf } : {}),
        channel,
        data: moved
          ? { before: { caseType: state.caseType, deadline: state.deadline }, after: { caseType, deadline } }
          : { before: { caseType: state.caseType }, after: { caseType } },
      },
    ],
  };
}
