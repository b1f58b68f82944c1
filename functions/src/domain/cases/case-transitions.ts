import type { CaseEventDraft, EventActor, EventChannel, JsonValue } from '../events';
import type { CaseState } from './case-state';

/** Who makes a change, when and through which channel: stamped on every event a transition writes. */
export interface ChangeStamp {
  occurredAt: string;
  actor: EventActor;
  onBehalfOf?: { id: string; name: string };
  channel: EventChannel;
}

/** The result of a pure transition: the new state and the events recording it (before → after). */
export interface Transition {
  state: CaseState;
  events: CaseEventDraft[];
}

export type Person = { id: string; name: string };

/** One event of `type` recording the changed parts of the state, and the state stamped as updated. */
function changed(
  state: CaseState,
  stamp: ChangeStamp,
  type: string,
  next: Partial<CaseState>,
  before: { [key: string]: JsonValue },
  after: { [key: string]: JsonValue },
): Transition {
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  const event: CaseEventDraft = {
    type,
    occurredAt,
    actor,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    channel,
    data: { before, after },
  };
  return { state: { ...state, ...next, updatedAt: occurredAt }, events: [event] };
}

/** The caller takes the case: they become its assignee. */
export const takeCase = (state: CaseState, user: Person, stamp: ChangeStamp): Transition =>
  changed(state, stamp, 'case.taken', { assignee: user }, { assignee: state.assignee }, { assignee: user });

/** Someone (usually a coordinator) hands the case to a colleague. */
export const assignCase = (state: CaseState, assignee: Person, stamp: ChangeStamp): Transition =>
  changed(state, stamp, 'case.assigned', { assignee }, { assignee: state.assignee }, { assignee });

/** The case goes back to the unassigned pool. */
export const releaseCase = (state: CaseState, stamp: ChangeStamp): Transition =>
  changed(state, stamp, 'case.released', { assignee: null }, { assignee: state.assignee }, { assignee: null });

export interface DetailsChange {
  title?: string;
  description?: string | null;
  /** Validated values to set (merged into the case's fields). */
  fields?: { [key: string]: JsonValue };
}

/** Title, description and field values; only what really changes is recorded. Null when nothing changes. */
export function updateCaseDetails(state: CaseState, change: DetailsChange, stamp: ChangeStamp): Transition | null {
  const before: { [key: string]: JsonValue } = {};
  const after: { [key: string]: JsonValue } = {};
  const next: Partial<CaseState> = {};
  if (change.title !== undefined && change.title !== state.title) {
    before.title = state.title;
    after.title = next.title = change.title;
  }
  if (change.description !== undefined && change.description !== state.description) {
    before.description = state.description;
    after.description = next.description = change.description;
  }
  const fields = { ...state.fields };
  for (const [key, value] of Object.entries(change.fields ?? {})) {
    const old = state.fields[key] ?? null;
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    before[`fields.${key}`] = old;
    after[`fields.${key}`] = value;
    fields[key] = value;
  }
  if (Object.keys(after).some((key) => key.startsWith('fields.'))) next.fields = fields;
  if (Object.keys(after).length === 0) return null;
  return changed(state, stamp, 'case.updated', next, before, after);
}

/** Ticks (or unticks) one checklist item of a phase. Null when it already has that value. */
export function tickChecklistItem(
  state: CaseState,
  item: { phase: string; item: string; done: boolean },
  stamp: ChangeStamp,
): Transition | null {
  const current = state.checklist[item.phase]?.[item.item] ?? false;
  if (current === item.done) return null;
  const checklist = { ...state.checklist, [item.phase]: { ...state.checklist[item.phase], [item.item]: item.done } };
  const path = `checklist.${item.phase}.${item.item}`;
  return changed(state, stamp, 'case.checklist-ticked', { checklist }, { [path]: current }, { [path]: item.done });
}

/** Moves the case to another phase; the gates are checked before (phaseGates). */
export const movePhase = (state: CaseState, to: { key: string; name: string }, stamp: ChangeStamp): Transition =>
  changed(state, stamp, 'case.phase-changed', { phase: to }, { phase: state.phase }, { phase: to });
