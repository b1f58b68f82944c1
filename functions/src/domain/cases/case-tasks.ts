import type { TaskTemplate } from '../../contract/case-type';
import { addCalendarDuration, isDuration, parseIsoDuration, type LocalDate } from '../calendar';
import { DomainError } from '../errors';
import type { CaseEventDraft, JsonValue } from '../events';
import { amsterdamToday } from './amsterdam-today';
import type { CasePerson, CaseState, CaseTask, CaseTaskKind } from './case-state';
import type { ChangeStamp, Transition } from './case-transitions';

export const taskNotFound = (id: string) => new DomainError('not-found', 'task.not-found', `There is no task ${id}`);
export const taskNotOpen = (id: string, status: string) =>
  new DomainError('conflict', 'task.not-open', `Task ${id} is ${status}; only an open task can change`);
export const taskNotAccepted = (id: string) =>
  new DomainError('conflict', 'task.not-accepted', `Delegation ${id} must be accepted before it is completed`);
export const taskCannotBeAccepted = (id: string, kind: string) =>
  new DomainError('conflict', 'task.not-acceptable', `Task ${id} is a ${kind}; only a delegation is accepted`);
export const taskCannotBeDeclined = (id: string, kind: string) =>
  new DomainError('conflict', 'task.not-declinable', `Task ${id} is a ${kind}; only a consultation or delegation is declined`);
export const taskDecisionRequired = (id: string) =>
  new DomainError('rule-violation', 'task.decision-required', `Approval ${id} needs a decision: approved or rejected`);
export const taskDecisionNotApplicable = (id: string) =>
  new DomainError('rule-violation', 'task.decision-not-applicable', `Task ${id} is not an approval; it takes no decision`);

/** What a person asks for when making a task by hand (POST /cases/{id}/tasks). */
export interface NewTask {
  kind: CaseTaskKind;
  title: string;
  description?: string | null;
  assignee?: CasePerson | null;
  assigneeGroup?: string | null;
  dueOn?: string | null;
  remindOn?: string | null;
  requiredBy?: string | null;
  requiredRole?: string | null;
  suspendsCase?: boolean;
}

export interface TaskAnswer {
  response: string | null;
  decision?: 'approved' | 'rejected' | null;
}

const open = (task: CaseTask) => task.status === 'open' || task.status === 'accepted';

/** The case's id from a task id `<caseId>.<n>` (case ids are uuids: no dots). Null when it is not one. */
export function caseIdOfTask(taskId: string): string | null {
  const dot = taskId.lastIndexOf('.');
  if (dot <= 0 || !/^\d+$/.test(taskId.slice(dot + 1))) return null;
  return taskId.slice(0, dot);
}

export function findTask(state: Pick<CaseState, 'tasks'>, taskId: string): CaseTask {
  const task = state.tasks.find((candidate) => candidate.id === taskId);
  if (!task) throw taskNotFound(taskId);
  return task;
}

/** The task's identity and status as events record them. */
const taskRef = (task: CaseTask): { [key: string]: JsonValue } => ({
  id: task.id,
  kind: task.kind,
  title: task.title,
  status: task.status,
  assignee: task.assignee,
});

function taskEvent(stamp: ChangeStamp, type: string, before: JsonValue | undefined, after: JsonValue): CaseEventDraft {
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  return {
    type,
    occurredAt,
    actor,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    channel,
    data: before === undefined ? { before: { task: null }, after } : { before, after },
  };
}

const withTask = (state: CaseState, task: CaseTask, occurredAt: string): CaseState => ({
  ...state,
  tasks: state.tasks.some((candidate) => candidate.id === task.id)
    ? state.tasks.map((candidate) => (candidate.id === task.id ? task : candidate))
    : [...state.tasks, task],
  updatedAt: occurredAt,
});

/** The next task id of the case: `<caseId>.<n>`, n one more than the highest so far. */
function nextTaskId(state: Pick<CaseState, 'id' | 'tasks'>): string {
  const highest = state.tasks.reduce((max, task) => Math.max(max, Number(task.id.slice(task.id.lastIndexOf('.') + 1)) || 0), 0);
  return `${state.id}.${highest + 1}`;
}

function taskOf(
  state: CaseState,
  input: NewTask & { templateKey?: string | null; phase?: string | null },
  stamp: ChangeStamp,
): CaseTask {
  const by = stamp.onBehalfOf ?? { id: stamp.actor.id, name: stamp.actor.name };
  return {
    id: nextTaskId(state),
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    templateKey: input.templateKey ?? null,
    phase: input.phase ?? state.phase.key,
    assignee: input.assignee ?? null,
    assigneeGroup: input.assigneeGroup ?? null,
    requiredBy: input.requiredBy ?? null,
    requiredRole: input.requiredRole ?? null,
    dueOn: input.dueOn ?? null,
    remindOn: input.remindOn ?? null,
    status: 'open',
    decision: null,
    response: null,
    suspendsCase: input.suspendsCase ?? false,
    createdBy: { id: by.id, name: by.name },
    createdAt: stamp.occurredAt,
    answeredBy: null,
    answeredAt: null,
  };
}

/** A task made by hand: open, recorded as `case.task-created`. */
export function createTask(state: CaseState, input: NewTask, stamp: ChangeStamp): Transition & { task: CaseTask } {
  const task = taskOf(state, input, stamp);
  return {
    task,
    state: withTask(state, task, stamp.occurredAt),
    events: [taskEvent(stamp, 'case.task-created', undefined, { task: task as unknown as JsonValue })],
  };
}

/**
 * The due date `period` after `occurredAt`: calendar periods (`P2W`) from today's date in Amsterdam; a
 * period with a time part (`PT4H`, a grid SLA) from the instant itself, then its Amsterdam date.
 */
export function dueDateAfter(occurredAt: string, period: string): LocalDate {
  const today = amsterdamToday(new Date(occurredAt));
  if (isDuration(period)) return addCalendarDuration(today, period);
  const parsed = parseIsoDuration(period);
  if (!parsed) return addCalendarDuration(today, period); // throws duration.invalid
  const { years, months, weeks, days, hours, minutes, seconds } = parsed;
  const calendar = addCalendarDuration(today, { years, months, weeks, days });
  const calendarMs = Date.parse(`${calendar}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  const offsetMs = calendarMs + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  return amsterdamToday(new Date(Date.parse(occurredAt) + offsetMs));
}

/**
 * The task templates of a phase (`phases[].tasks`) as open tasks of the case, due `duePeriod` after
 * now (dueDateAfter). A template that already has an open task in the case is skipped (re-entering a phase does not
 * duplicate work still waiting). Null when nothing is created.
 */
export function instantiatePhaseTasks(
  state: CaseState,
  phase: { key: string; tasks: readonly TaskTemplate[] },
  stamp: ChangeStamp,
): Transition | null {
  let next = state;
  const events: CaseEventDraft[] = [];
  for (const template of phase.tasks) {
    const waiting = next.tasks.some((task) => task.templateKey === template.key && task.phase === phase.key && open(task));
    if (waiting) continue;
    const made = createTask(
      next,
      {
        kind: template.kind,
        title: template.title,
        assigneeGroup: template.assigneeGroup ?? null,
        dueOn: template.duePeriod ? dueDateAfter(stamp.occurredAt, template.duePeriod) : null,
      },
      stamp,
    );
    const task = { ...made.task, templateKey: template.key, phase: phase.key };
    next = withTask(next, task, stamp.occurredAt);
    events.push(taskEvent(stamp, 'case.task-created', undefined, { task: task as unknown as JsonValue }));
  }
  return events.length === 0 ? null : { state: next, events };
}

function mustBeOpen(task: CaseTask): void {
  if (!open(task)) throw taskNotOpen(task.id, task.status);
}

/** The assignee (or whoever may answer for them) answers: an approval with its decision, others with a response. */
export function completeTask(
  state: CaseState,
  taskId: string,
  answer: TaskAnswer,
  by: CasePerson,
  stamp: ChangeStamp,
): Transition & { task: CaseTask } {
  const task = findTask(state, taskId);
  mustBeOpen(task);
  if (task.kind === 'delegation' && task.status !== 'accepted') throw taskNotAccepted(task.id);
  const decision = answer.decision ?? null;
  if (task.kind === 'approval' && decision === null) throw taskDecisionRequired(task.id);
  if (task.kind !== 'approval' && decision !== null) throw taskDecisionNotApplicable(task.id);
  const done: CaseTask = {
    ...task,
    status: 'completed',
    decision,
    response: answer.response,
    answeredBy: { id: by.id, name: by.name },
    answeredAt: stamp.occurredAt,
  };
  return {
    task: done,
    state: withTask(state, done, stamp.occurredAt),
    events: [
      taskEvent(
        stamp,
        'case.task-completed',
        { task: taskRef(task) },
        { task: { ...taskRef(done), decision, response: answer.response, answeredBy: done.answeredBy } },
      ),
    ],
  };
}

/** A delegation's assignee takes the work on. */
export function acceptTask(state: CaseState, taskId: string, stamp: ChangeStamp): Transition {
  const task = findTask(state, taskId);
  if (task.kind !== 'delegation') throw taskCannotBeAccepted(task.id, task.kind);
  if (task.status !== 'open') throw taskNotOpen(task.id, task.status);
  const accepted: CaseTask = { ...task, status: 'accepted' };
  return {
    state: withTask(state, accepted, stamp.occurredAt),
    events: [taskEvent(stamp, 'case.task-accepted', { task: taskRef(task) }, { task: taskRef(accepted) })],
  };
}

/** A delegation or consultation refused by its assignee, with the reason as response. */
export function declineTask(
  state: CaseState,
  taskId: string,
  reason: string | null,
  by: CasePerson,
  stamp: ChangeStamp,
): Transition {
  const task = findTask(state, taskId);
  if (task.kind !== 'delegation' && task.kind !== 'consultation') throw taskCannotBeDeclined(task.id, task.kind);
  mustBeOpen(task);
  const declined: CaseTask = { ...task, status: 'declined', response: reason, answeredBy: by, answeredAt: stamp.occurredAt };
  return {
    state: withTask(state, declined, stamp.occurredAt),
    events: [
      taskEvent(stamp, 'case.task-declined', { task: taskRef(task) }, { task: { ...taskRef(declined), response: reason } }),
    ],
  };
}

/** The task is withdrawn (no longer needed). */
export function cancelTask(
  state: CaseState,
  taskId: string,
  reason: string | null,
  stamp: ChangeStamp,
): Transition & { task: CaseTask } {
  const task = findTask(state, taskId);
  mustBeOpen(task);
  const cancelled: CaseTask = { ...task, status: 'cancelled', response: reason };
  return {
    task: cancelled,
    state: withTask(state, cancelled, stamp.occurredAt),
    events: [taskEvent(stamp, 'case.task-cancelled', { task: taskRef(task) }, { task: { ...taskRef(cancelled), reason } })],
  };
}

/** The task goes to another person (e.g. a template task that only named a group). */
export function reassignTask(state: CaseState, taskId: string, assignee: CasePerson, stamp: ChangeStamp): Transition | null {
  const task = findTask(state, taskId);
  if (task.status !== 'open') throw taskNotOpen(task.id, task.status);
  if (task.assignee?.id === assignee.id) return null;
  const reassigned: CaseTask = { ...task, assignee };
  return {
    state: withTask(state, reassigned, stamp.occurredAt),
    events: [taskEvent(stamp, 'case.task-reassigned', { task: taskRef(task) }, { task: taskRef(reassigned) })],
  };
}

/** Two transitions of one change as one: the second applied to the first's state, events in order. */
export const followedBy = (first: Transition, second: (state: CaseState) => Transition | null): Transition => {
  const next = second(first.state);
  return next ? { state: next.state, events: [...first.events, ...next.events] } : first;
};

/** The open (or accepted) tasks of a case. */
export const openTasks = (state: Pick<CaseState, 'tasks'>): CaseTask[] => state.tasks.filter(open);

/**
 * The task templates instantiated when a case enters `phaseKey`: the phase's own, and — when the next
 * phase in the definition is the final one — the final phase's too. The final phase is entered only by
 * closing, and a closed case is read-only, so its templates (e.g. "accord the decision letter") are the
 * work closing waits for: they appear while the case is in the phase before it.
 */
export function templatesOnEntry(
  phases: readonly { key: string; final: boolean; tasks: readonly TaskTemplate[] }[],
  phaseKey: string,
): { key: string; tasks: TaskTemplate[] }[] {
  const index = phases.findIndex((phase) => phase.key === phaseKey);
  const phase = phases[index];
  if (!phase || phase.final) return [];
  const next = phases[index + 1];
  return [{ key: phase.key, tasks: [...phase.tasks] }, ...(next?.final ? [{ key: next.key, tasks: [...next.tasks] }] : [])];
}

/** Instantiates every template due on entering `phaseKey` (templatesOnEntry); null when there are none. */
export function tasksOnPhaseEntry(
  state: CaseState,
  phases: readonly { key: string; final: boolean; tasks: readonly TaskTemplate[] }[],
  phaseKey: string,
  stamp: ChangeStamp,
): Transition | null {
  let current = state;
  const events: CaseEventDraft[] = [];
  for (const phase of templatesOnEntry(phases, phaseKey)) {
    const next = instantiatePhaseTasks(current, phase, stamp);
    if (!next) continue;
    current = next.state;
    events.push(...next.events);
  }
  return events.length === 0 ? null : { state: current, events };
}
