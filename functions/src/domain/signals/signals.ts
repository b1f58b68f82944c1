import { atwCalendar, type AtwCalendar } from '../calendar/atw-calendar';
import { addCalendarDuration } from '../calendar/duration';
import { addDays, parseLocalDate, type LocalDate } from '../calendar/local-date';
import { isWorkingDay } from '../calendar/working-days';
import type { CaseState, CaseTask, SignalMark } from '../cases/case-state';
import { classifyDeadline } from '../deadlines/classify-deadline';

/** What the timer signals (issue 5 item 4). Each is recorded as a `signal.<kind>` event on the case. */
export const signalKinds = [
  'deadline-at-risk',
  'deadline-overdue',
  'task-overdue',
  'task-reminder',
  'suspension-lapsed',
] as const;
export type SignalKind = (typeof signalKinds)[number];

export const signalEventType = (kind: SignalKind): string => `signal.${kind}`;
export const isSignalEventType = (type: string): boolean => type.startsWith('signal.');

/** Who a signal is for: a person, or an Entra group (every member sees it, each marks it read alone). */
export type SignalRecipient = { kind: 'user'; id: string; name: string } | { kind: 'group'; id: string };

/** A signal that is due now and not yet raised. */
export interface DueSignal {
  subject: string;
  kind: SignalKind;
  /** The date the signal is about: final deadline, due date, remind date or the applicant's respond-by date. */
  basis: string;
  recipients: SignalRecipient[];
  task: { id: string; title: string } | null;
}

/** What the timer knows besides the case: today, the case type's threshold and coordinator groups. */
export interface SignalContext {
  today: LocalDate;
  atRiskWorkingDays: number;
  /** Entra groups with the coordinator role on the case type: they hear about unassigned cases. */
  coordinatorGroups: readonly string[];
  calendar?: AtwCalendar;
}

/** A dated trigger of a case: fires from `from` on, unless its subject already carries the same mark. */
interface Trigger {
  subject: string;
  kind: SignalKind;
  basis: string;
  from: LocalDate;
  task: CaseTask | null;
}

const activeTask = (task: CaseTask): boolean => task.status === 'open' || task.status === 'accepted';

/** Triggers that do not depend on the case type: tasks past due, reminders, lapsed applicant terms. */
function datedTriggers(state: CaseState): Trigger[] {
  if (state.status === 'closed') return [];
  const triggers: Trigger[] = [];
  for (const task of state.tasks.filter(activeTask)) {
    if (task.dueOn) {
      // Past due: the due date itself is still in time.
      const from = addDays(parseLocalDate(task.dueOn), 1);
      triggers.push({ subject: `task:${task.id}`, kind: 'task-overdue', basis: task.dueOn, from, task });
    }
    if (task.remindOn) {
      triggers.push({
        subject: `reminder:${task.id}`,
        kind: 'task-reminder',
        basis: task.remindOn,
        from: parseLocalDate(task.remindOn),
        task,
      });
    }
  }
  const open = state.status === 'suspended' ? state.suspensions.find((s) => s.until === null) : undefined;
  if (open?.term) {
    // The applicant's term ends on request day + term (not shifted); it has lapsed the day after.
    const respondBy = addCalendarDuration(parseLocalDate(open.from), open.term);
    triggers.push({
      subject: `suspension:${open.from}`,
      kind: 'suspension-lapsed',
      basis: respondBy,
      from: addDays(respondBy, 1),
      task: null,
    });
  }
  return triggers;
}

const marks = (state: CaseState): { [subject: string]: SignalMark } => state.signalled ?? {};
const alreadyRaised = (state: CaseState, subject: string, kind: string, basis: string): boolean => {
  const mark = marks(state)[subject];
  return mark !== undefined && mark.kind === kind && mark.basis === basis;
};

/**
 * The first date on which this case needs the timer for a task, reminder or applicant's term that has
 * not been signalled yet; null when nothing is pending. Pure on the state, so the projector keeps it in
 * the `agenda` read model and the timer reads only the cases whose date has come.
 */
export function nextAgendaDate(state: CaseState): LocalDate | null {
  const pending = datedTriggers(state).filter((t) => !alreadyRaised(state, t.subject, t.kind, t.basis));
  return pending.reduce<LocalDate | null>((first, t) => (first === null || t.from < first ? t.from : first), null);
}

/** The deadline mark as one column (`<kind>|<date>`), so the timer skips rows already signalled without loading them. */
export function deadlineSignalColumn(state: CaseState): string | null {
  const mark = marks(state).deadline;
  return mark ? `${mark.kind}|${mark.basis}` : null;
}

function caseRecipients(state: CaseState, ctx: SignalContext): SignalRecipient[] {
  if (state.assignee) return [{ kind: 'user', ...state.assignee }];
  return ctx.coordinatorGroups.map((id) => ({ kind: 'group', id }));
}

function taskRecipients(task: CaseTask): SignalRecipient[] {
  if (task.assignee) return [{ kind: 'user', ...task.assignee }];
  return task.assigneeGroup ? [{ kind: 'group', id: task.assigneeGroup }] : [];
}

function uniqueRecipients(recipients: SignalRecipient[]): SignalRecipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every signal due on `ctx.today` that this case has not had yet (pure). Deadline: at risk when fewer
 * than N working days remain, overdue after the final date (an open or suspended case; a suspended one
 * has no final date). Tasks: past due the day after `dueOn`, a reminder from `remindOn`, while open or
 * accepted. Suspension: the applicant's term has lapsed. Recipients: see docs/decisions/0013.
 */
export function dueSignals(state: CaseState, ctx: SignalContext): DueSignal[] {
  if (state.status === 'closed') return [];
  const due: DueSignal[] = [];
  const final = state.deadline.final;
  if (final) {
    const status = classifyDeadline(parseLocalDate(final), ctx.today, ctx, ctx.calendar ?? atwCalendar);
    const kind: SignalKind | null = status === 'overdue' ? 'deadline-overdue' : status === 'at-risk' ? 'deadline-at-risk' : null;
    if (kind && !alreadyRaised(state, 'deadline', kind, final)) {
      due.push({ subject: 'deadline', kind, basis: final, recipients: caseRecipients(state, ctx), task: null });
    }
  }
  for (const trigger of datedTriggers(state)) {
    if (trigger.from > ctx.today || alreadyRaised(state, trigger.subject, trigger.kind, trigger.basis)) continue;
    const { task } = trigger;
    const recipients = !task
      ? caseRecipients(state, ctx)
      : trigger.kind === 'task-overdue'
        ? uniqueRecipients([...taskRecipients(task), ...caseRecipients(state, ctx)])
        : taskRecipients(task);
    due.push({
      subject: trigger.subject,
      kind: trigger.kind,
      basis: trigger.basis,
      recipients,
      task: task ? { id: task.id, title: task.title } : null,
    });
  }
  return due;
}

/**
 * The last final deadline that is at risk (or overdue) today with `atRiskWorkingDays`, as an exclusive
 * upper bound: a case is a deadline candidate when its final date is before the returned date. With a
 * threshold of 0 only overdue cases (final before today) qualify.
 */
export function deadlineCandidateBound(
  today: LocalDate,
  atRiskWorkingDays: number,
  calendar: AtwCalendar = atwCalendar,
): LocalDate {
  // remaining(final) counts the working days from today through final; it reaches N on the N-th working day.
  let date = today;
  let counted = 0;
  while (counted < atRiskWorkingDays) {
    if (isWorkingDay(date, calendar)) counted++;
    if (counted >= atRiskWorkingDays) return date;
    date = addDays(date, 1);
  }
  return today;
}
