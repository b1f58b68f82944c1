import { createAtwCalendar, parseLocalDate, withDecreeDays, atwCalendar } from '../calendar';
import type { CaseState, CaseTask } from '../cases/case-state';
import type { ChangeStamp } from '../cases/case-transitions';
import { aCaseState } from '../../test-support/a-case-state';
import { raiseSignals } from './raise-signals';
import { deadlineCandidateBound, deadlineSignalColumn, dueSignals, nextAgendaDate, type SignalContext } from './signals';

const d = parseLocalDate;
const coordinators = 'a1b2c3d4-0002-4000-8000-000000000002';
const bea = { id: 'oid-bea', name: 'Bea Behandelaar' };
const kees = { id: 'oid-kees', name: 'Kees Adviseur' };
const ctx = (today: string, atRiskWorkingDays = 5): SignalContext => ({
  today: d(today),
  atRiskWorkingDays,
  coordinatorGroups: [coordinators],
});
const stampOn = (day: string): ChangeStamp => ({
  occurredAt: `${day}T06:00:00.000Z`,
  actor: { id: 'zaakwerk-signals', name: 'Zaakwerk signalering', kind: 'system' },
  channel: 'system',
});

/** Final deadline Friday 20 March 2026 (the classify-deadline examples). */
const aCaseDueOn20March = (overrides: Partial<CaseState> = {}) =>
  aCaseState({ deadline: { final: '2026-03-20', planned: null, suspendedDays: 0 }, ...overrides });

const aTask = (overrides: Partial<CaseTask> = {}): CaseTask => ({
  id: 'case-1.1',
  kind: 'consultation',
  title: 'Advies welstand',
  description: null,
  templateKey: null,
  phase: 'beoordeling',
  assignee: kees,
  assigneeGroup: null,
  requiredBy: null,
  dueOn: '2026-03-10',
  remindOn: '2026-03-06',
  status: 'open',
  decision: null,
  response: null,
  suspendsCase: false,
  createdBy: bea,
  createdAt: '2026-03-02T09:00:00.000Z',
  answeredBy: null,
  answeredAt: null,
  ...overrides,
});

/** Runs the timer's pure part on `today`: what is due, then the state with it recorded. */
function signalOn(state: CaseState, today: string, atRiskWorkingDays = 5) {
  const due = dueSignals(state, ctx(today, atRiskWorkingDays));
  const transition = raiseSignals(state, due, stampOn(today));
  return { kinds: due.map((s) => s.kind), state: transition?.state ?? state, events: transition?.events ?? [] };
}

describe('deadline signals', () => {
  it.each([
    ['2026-03-16', []],
    ['2026-03-17', ['deadline-at-risk']],
    ['2026-03-20', ['deadline-at-risk']],
    ['2026-03-21', ['deadline-overdue']],
  ])('on %s a case due on 20 March (at risk below 5 working days) signals %j', (today, kinds) => {
    expect(dueSignals(aCaseDueOn20March(), ctx(today)).map((s) => s.kind)).toEqual(kinds);
  });

  it('signals at risk once, then overdue once, however often the timer runs', () => {
    let state = aCaseDueOn20March();
    const raised: string[] = [];
    for (const today of ['2026-03-17', '2026-03-17', '2026-03-18', '2026-03-20', '2026-03-21', '2026-03-21', '2026-03-25']) {
      const run = signalOn(state, today);
      raised.push(...run.events.map((e) => e.type));
      state = run.state;
    }
    expect(raised).toEqual(['signal.deadline-at-risk', 'signal.deadline-overdue']);
    expect(state.signalled?.deadline).toEqual({
      kind: 'deadline-overdue',
      basis: '2026-03-20',
      at: '2026-03-21T06:00:00.000Z',
    });
  });

  it('signals again when the case recovers (extension) and later becomes at risk again', () => {
    const first = signalOn(aCaseDueOn20March(), '2026-03-17');
    expect(first.kinds).toEqual(['deadline-at-risk']);
    // Extended by 6 weeks: final 1 May 2026; on 18 March it is on track.
    const extended = { ...first.state, deadline: { ...first.state.deadline, final: '2026-05-01' } };
    expect(signalOn(extended, '2026-03-18').kinds).toEqual([]);
    // 27 April (Koningsdag), 28, 29, 30 April, 1 May: 4 working days left.
    expect(signalOn(extended, '2026-04-27').kinds).toEqual(['deadline-at-risk']);
  });

  it('goes to the assignee, or to the coordinator groups while nobody has the case', () => {
    expect(dueSignals(aCaseDueOn20March(), ctx('2026-03-17'))[0]?.recipients).toEqual([{ kind: 'user', ...bea }]);
    expect(dueSignals(aCaseDueOn20March({ assignee: null }), ctx('2026-03-17'))[0]?.recipients).toEqual([
      { kind: 'group', id: coordinators },
    ]);
  });

  it('says nothing for a suspended case (no final date) or a closed one', () => {
    const suspended = aCaseDueOn20March({ status: 'suspended', deadline: { final: null, planned: null, suspendedDays: 3 } });
    expect(dueSignals(suspended, ctx('2026-06-01'))).toEqual([]);
    expect(dueSignals(aCaseDueOn20March({ status: 'closed' }), ctx('2026-06-01'))).toEqual([]);
  });

  it('is never at risk with a threshold of 0, only overdue', () => {
    expect(dueSignals(aCaseDueOn20March(), ctx('2026-03-20', 0))).toEqual([]);
    expect(dueSignals(aCaseDueOn20March(), ctx('2026-03-21', 0)).map((s) => s.kind)).toEqual(['deadline-overdue']);
  });

  it('keeps the mark in one column for the read model', () => {
    expect(deadlineSignalColumn(aCaseDueOn20March())).toBeNull();
    expect(deadlineSignalColumn(signalOn(aCaseDueOn20March(), '2026-03-17').state)).toBe('deadline-at-risk|2026-03-20');
  });
});

describe('task, reminder and applicant-term signals', () => {
  it.each([
    ['2026-03-05', []],
    ['2026-03-06', ['task-reminder']],
    ['2026-03-10', ['task-reminder']],
    ['2026-03-11', ['task-overdue', 'task-reminder']],
  ])('on %s a task due 10 March with a reminder on 6 March signals %j', (today, kinds) => {
    expect(dueSignals(aCaseState({ tasks: [aTask()] }), ctx(today)).map((s) => s.kind)).toEqual(kinds);
  });

  it('signals a reminder and then past due once each, and nothing for answered tasks', () => {
    let state = aCaseState({ tasks: [aTask()] });
    const raised: string[] = [];
    for (const today of ['2026-03-06', '2026-03-07', '2026-03-11', '2026-03-12']) {
      const run = signalOn(state, today);
      raised.push(...run.kinds);
      state = run.state;
    }
    expect(raised).toEqual(['task-reminder', 'task-overdue']);
    const answered = aCaseState({ tasks: [aTask({ status: 'completed' })] });
    expect(dueSignals(answered, ctx('2026-03-20'))).toEqual([]);
  });

  it('signals past due again when the due date is moved and passes again', () => {
    const once = signalOn(aCaseState({ tasks: [aTask({ remindOn: null })] }), '2026-03-11');
    expect(once.kinds).toEqual(['task-overdue']);
    const moved = { ...once.state, tasks: [aTask({ remindOn: null, dueOn: '2026-03-17' })] };
    expect(signalOn(moved, '2026-03-12').kinds).toEqual([]);
    expect(signalOn(moved, '2026-03-18').kinds).toEqual(['task-overdue']);
  });

  it('sends a task past due to its assignee and the case assignee, a reminder to the assignee (or its group) only', () => {
    const due = dueSignals(aCaseState({ tasks: [aTask()] }), ctx('2026-03-11'));
    expect(due.find((s) => s.kind === 'task-overdue')?.recipients).toEqual([
      { kind: 'user', ...kees },
      { kind: 'user', ...bea },
    ]);
    expect(due.find((s) => s.kind === 'task-reminder')?.recipients).toEqual([{ kind: 'user', ...kees }]);
    const groupTask = aTask({ assignee: null, assigneeGroup: 'g-welstand' });
    expect(dueSignals(aCaseState({ tasks: [groupTask] }), ctx('2026-03-06'))[0]).toMatchObject({
      kind: 'task-reminder',
      recipients: [{ kind: 'group', id: 'g-welstand' }],
      task: { id: 'case-1.1', title: 'Advies welstand' },
    });
  });

  it('signals once when the applicant’s term of an open suspension has lapsed', () => {
    // Request on 10 March with a term of 2 weeks: the applicant may answer through 24 March.
    const suspended = aCaseState({
      status: 'suspended',
      deadline: { final: null, planned: null, suspendedDays: 0 },
      suspensions: [{ from: '2026-03-10', until: null, reason: 'Aanvulling', term: 'P2W' }],
    });
    expect(dueSignals(suspended, ctx('2026-03-24'))).toEqual([]);
    const run = signalOn(suspended, '2026-03-25');
    expect(run.kinds).toEqual(['suspension-lapsed']);
    expect(run.events[0]?.data.after).toMatchObject({ signal: { subject: 'suspension:2026-03-10', basis: '2026-03-24' } });
    expect(signalOn(run.state, '2026-03-26').kinds).toEqual([]);
  });
});

describe('the agenda date', () => {
  it('is the first pending trigger, moves on once it is signalled, and is null when nothing is pending', () => {
    const state = aCaseState({ tasks: [aTask()] });
    expect(nextAgendaDate(state)).toBe('2026-03-06');
    const reminded = signalOn(state, '2026-03-06').state;
    expect(nextAgendaDate(reminded)).toBe('2026-03-11');
    expect(nextAgendaDate(signalOn(reminded, '2026-03-11').state)).toBeNull();
    expect(nextAgendaDate(aCaseState())).toBeNull();
  });

  it('is null for a closed case', () => {
    expect(nextAgendaDate(aCaseState({ status: 'closed', tasks: [aTask()] }))).toBeNull();
  });
});

describe('deadlineCandidateBound', () => {
  it.each([
    // Today Monday 16 March 2026: the 5th working day is Friday 20 March; finals before it are at risk.
    ['2026-03-16', 5, '2026-03-20'],
    // Wednesday 1 April: Wed 1, Thu 2, (Goede Vrijdag 3, weekend, Tweede Paasdag 6), Tue 7, Wed 8, Thu 9.
    ['2026-04-01', 5, '2026-04-09'],
    ['2026-03-16', 0, '2026-03-16'],
  ])('from %s with %i working days is %s', (today, days, bound) => {
    expect(deadlineCandidateBound(d(today), days)).toBe(bound);
  });

  it('agrees with the classification: the bound itself is on track, the day before at risk', () => {
    const today = d('2026-03-16');
    const bound = deadlineCandidateBound(today, 5);
    const dueOn = (final: string) => aCaseState({ deadline: { final, planned: null, suspendedDays: 0 } });
    expect(dueSignals(dueOn(bound), ctx(today))).toEqual([]);
    expect(dueSignals(dueOn('2026-03-19'), ctx(today)).map((s) => s.kind)).toEqual(['deadline-at-risk']);
  });

  it('counts a decree day from an injected calendar as a non-working day', () => {
    const calendar = withDecreeDays(createAtwCalendar([]), [{ date: '2026-03-18', name: 'Test' }]);
    expect(deadlineCandidateBound(d('2026-03-16'), 5, calendar)).toBe('2026-03-23');
    expect(deadlineCandidateBound(d('2026-03-16'), 5, atwCalendar)).toBe('2026-03-20');
  });
});
