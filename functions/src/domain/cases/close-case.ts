import type { BusinessRule, CaseType, Outcome } from '../../contract/case-type';
import { type FeelEvaluator, feelinEvaluator, rulesOf } from '../case-types';
import { DomainError } from '../errors';
import type { CaseEventDraft, JsonValue } from '../events';
import type { CaseState, CaseTask } from './case-state';
import type { ChangeStamp, Transition } from './case-transitions';
import { openTasks } from './case-tasks';
import { entryGates, missingRequiredFields, onePerPath, openChecklistItems } from './phase-gates';
import type { PublishedRules } from './published-type';

/** One condition that keeps a case from closing (422 `case.close-gates-unmet` lists them all). */
export interface CloseGate {
  code: string;
  /** Where it is: `body.outcome`, `checklist.<phase>.<item>`, `fields.<key>`, `rules.<key>`, `tasks.<id>`, … */
  path: string;
  message: string;
}

export const caseNotClosed = (id: string) =>
  new DomainError('conflict', 'case.not-closed', `Case ${id} is not closed; only a closed case is reopened`);

/** The business rules that require an approval (`then: { requireApproval }`) and hold for these field values. */
export function requiredApprovals(
  caseType: PublishedRules,
  fields: CaseState['fields'],
  feel: FeelEvaluator = feelinEvaluator,
): (Pick<BusinessRule, 'key' | 'description'> & { role: string })[] {
  // Only the approval rules' conditions are evaluated (not the field rules or other rules).
  return rulesOf(caseType, fields, feel)
    .approvalRules()
    .map((rule) => ({ key: rule.key, description: rule.description, role: rule.then.requireApproval }));
}

/** The latest approval task for a rule (a rejected one may be followed by a new request). */
function latestApproval(tasks: readonly CaseTask[], ruleKey: string): CaseTask | undefined {
  return tasks.filter((task) => task.kind === 'approval' && task.requiredBy === ruleKey && task.status !== 'cancelled').at(-1);
}

/** Required approvals not (yet) given: missing, still open, or rejected. */
export function unmetApprovals(state: Pick<CaseState, 'tasks' | 'fields'>, caseType: PublishedRules): CloseGate[] {
  return requiredApprovals(caseType, state.fields).flatMap((rule): CloseGate[] => {
    const task = latestApproval(state.tasks, rule.key);
    const path = `rules.${rule.key}`;
    const what = rule.description ?? rule.key;
    if (!task)
      return [{ code: 'approval.missing', path, message: `Approval by ${rule.role} required (${what}) but not requested` }];
    if (task.status === 'completed' && task.decision === 'approved') return [];
    if (task.status === 'completed')
      return [{ code: 'approval.rejected', path, message: `Approval ${task.id} was rejected (${what})` }];
    return [{ code: 'approval.pending', path, message: `Approval ${task.id} is not answered yet (${what})` }];
  });
}

/** The final phase (the schema and validator guarantee exactly one). */
export const finalPhaseOf = (caseType: PublishedRules) => caseType.phases.find((phase) => phase.final);

/**
 * Every condition unmet for closing with `outcome` on `on` (DUTCH-RULES / issue 4 item 2): the outcome
 * belongs to the type; the date lies between receipt and today; the case is not suspended; the final
 * phase's gates hold — the required checklist items of the phase the case is in and of the final phase,
 * the final phase's required fields and entry rule, the required fields (`required: true` or by a
 * `require` rule that holds) of the current phase, the final phase and of no phase; every approval a rule requires is given; no task is
 * still open (cancel what is no longer needed: closing never drops work silently).
 */
export function closeGates(
  state: CaseState,
  caseType: PublishedRules & Pick<CaseType, 'outcomes'>,
  request: { outcome: string; on: string },
  today: string,
): CloseGate[] {
  const gates: CloseGate[] = [];
  const outcomes = caseType.outcomes.filter((outcome): outcome is Outcome => 'archive' in outcome);
  if (!outcomes.some((outcome) => outcome.key === request.outcome)) {
    gates.push({
      code: 'outcome.unknown',
      path: 'body.outcome',
      message: `${request.outcome} is not an outcome of ${state.caseType.key}`,
    });
  }
  if (request.on < state.receivedOn) {
    gates.push({
      code: 'case.closed-before-receipt',
      path: 'body.on',
      message: `Must not be before receipt on ${state.receivedOn}`,
    });
  }
  if (request.on > today) gates.push({ code: 'case.closed-in-future', path: 'body.on', message: `Must not be after ${today}` });
  if (state.status === 'suspended') {
    gates.push({ code: 'case.suspended', path: 'status', message: 'The case is suspended: resume it before closing' });
  }
  const final = finalPhaseOf(caseType);
  if (final) {
    const leaving = final.key === state.phase.key ? [] : openChecklistItems(state, caseType, state.phase.key);
    gates.push(
      ...onePerPath([
        ...leaving,
        ...openChecklistItems(state, caseType, final.key),
        ...entryGates(caseType, final.key, state.fields),
        // Required fields of the phase the case is in, of the final phase, and of no phase (ADR 0009).
        ...missingRequiredFields(caseType, state.fields, { phases: [state.phase.key, final.key], withoutPhase: true }),
      ]),
    );
  }
  gates.push(...unmetApprovals(state, caseType));
  for (const task of openTasks(state)) {
    gates.push({ code: 'task.open', path: `tasks.${task.id}`, message: `Task still open: ${task.title}` });
  }
  return gates;
}

const toJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

function event(stamp: ChangeStamp, type: string, before: JsonValue, after: JsonValue): CaseEventDraft {
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  return { type, occurredAt, actor, ...(onBehalfOf ? { onBehalfOf } : {}), channel, data: { before, after } };
}

/** Closes the case with its outcome (the gates were checked): final phase, closing date, archive fields. */
export function closeCase(
  state: CaseState,
  close: {
    outcome: { key: string; name: string };
    on: string;
    phase: { key: string; name: string };
    archive: CaseState['archive'];
  },
  stamp: ChangeStamp,
): Transition {
  const before = {
    status: state.status,
    phase: state.phase,
    outcome: state.outcome,
    closedOn: state.closedOn,
    archive: state.archive,
  };
  const after = {
    status: 'closed' as const,
    phase: close.phase,
    outcome: close.outcome,
    closedOn: close.on,
    archive: close.archive,
  };
  return {
    state: { ...state, ...after, updatedAt: stamp.occurredAt },
    events: [event(stamp, 'case.closed', toJson(before), toJson(after))],
  };
}

/**
 * Reopens a closed case with a reason: open again, outcome and closing date cleared, and the
 * outcome-derived archive fields with them (DUTCH-RULES §2: closing again recomputes them). The case
 * stays in the final phase; moving it back is a normal phase move.
 */
export function reopenCase(state: CaseState, reason: string, archive: CaseState['archive'], stamp: ChangeStamp): Transition {
  if (state.status !== 'closed') throw caseNotClosed(state.id);
  const before = { status: state.status, outcome: state.outcome, closedOn: state.closedOn, archive: state.archive };
  const after = { status: 'open' as const, outcome: null, closedOn: null, archive };
  return {
    state: { ...state, ...after, updatedAt: stamp.occurredAt },
    events: [event(stamp, 'case.reopened', toJson(before), toJson({ ...after, reason }))],
  };
}

/** A new archive state of a closed case (recomputed or set by a records manager), recorded with a reason. */
export function setCaseArchive(
  state: CaseState,
  change: { archive: CaseState['archive']; fields?: CaseState['fields']; reason: string },
  stamp: ChangeStamp,
): Transition | null {
  const fieldsChanged = change.fields !== undefined && JSON.stringify(change.fields) !== JSON.stringify(state.fields);
  if (!fieldsChanged && JSON.stringify(change.archive) === JSON.stringify(state.archive)) return null;
  const before: { [key: string]: JsonValue } = { archive: toJson(state.archive) };
  const after: { [key: string]: JsonValue } = { archive: toJson(change.archive), reason: change.reason };
  if (fieldsChanged && change.fields) {
    for (const [key, value] of Object.entries(change.fields)) {
      if (JSON.stringify(state.fields[key] ?? null) === JSON.stringify(value)) continue;
      before[`fields.${key}`] = state.fields[key] ?? null;
      after[`fields.${key}`] = value;
    }
  }
  return {
    state: { ...state, archive: change.archive, fields: change.fields ?? state.fields, updatedAt: stamp.occurredAt },
    events: [event(stamp, 'case.archive-set', before, after)],
  };
}
