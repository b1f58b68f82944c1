import { aCase, aStamp, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { shippedCaseType } from '../../test-support/shipped-case-type';
import {
  acceptTask,
  cancelTask,
  caseIdOfTask,
  completeTask,
  createTask,
  declineTask,
  dueDateAfter,
  reassignTask,
  tasksOnPhaseEntry,
  templatesOnEntry,
  type NewTask,
} from './case-tasks';
import { publishedRules } from './published-type';

const joost = { id: 'u-joost', name: 'Joost Mulder' };
const consultation: NewTask = { kind: 'consultation', title: 'Constructieve veiligheid', assignee: joost, dueOn: '2026-03-20' };

describe('making a task', () => {
  it('numbers tasks per case as <caseId>.<n> and records case.task-created with the whole task', () => {
    const first = createTask(aCase(), consultation, aStamp());
    const second = createTask(first.state, { kind: 'todo', title: 'Bellen' }, aStamp());
    expect(second.state.tasks.map((task) => task.id)).toEqual(['case-1.1', 'case-1.2']);
    expect(first.task).toMatchObject({
      kind: 'consultation',
      assignee: joost,
      status: 'open',
      phase: 'intake',
      templateKey: null,
      createdBy: { id: 'u-1', name: 'Sanne de Vries' },
      createdAt: '2026-03-03T10:00:00.000Z',
    });
    expect(first.events).toEqual([
      expect.objectContaining({ type: 'case.task-created', data: { before: { task: null }, after: { task: first.task } } }),
    ]);
  });

  it('finds the case of a task id and refuses what is not one', () => {
    expect(caseIdOfTask('0193b0c2-7f1e-4c6a-9d1b-2f3e4a5b6c7d.12')).toBe('0193b0c2-7f1e-4c6a-9d1b-2f3e4a5b6c7d');
    expect(caseIdOfTask('0193b0c2-7f1e-4c6a-9d1b-2f3e4a5b6c7d')).toBeNull();
    expect(caseIdOfTask('.3')).toBeNull();
  });
});

describe('task templates on phase entry', () => {
  it("instantiates the phase's templates with a due date duePeriod after today", () => {
    const rules = publishedRules(shippedOmgevingsvergunning());
    const entered = tasksOnPhaseEntry(
      aCase({ phase: { key: 'beoordeling', name: 'Beoordeling' } }),
      rules.phases,
      'beoordeling',
      aStamp(),
    );
    // today 3 March 2026 + P3W = 24 March 2026
    expect(entered?.state.tasks).toMatchObject([
      {
        templateKey: 'advies-welstand',
        kind: 'consultation',
        assigneeGroup: 'a1b2c3d4-0001-4000-8000-000000000001',
        dueOn: '2026-03-24',
      },
      { templateKey: 'advies-milieu', kind: 'consultation', assigneeGroup: null, dueOn: '2026-03-24' },
    ]);
    expect(entered?.events.map((event) => event.type)).toEqual(['case.task-created', 'case.task-created']);
  });

  it('does not duplicate a template whose task is still open when the phase is entered again', () => {
    const rules = publishedRules(shippedOmgevingsvergunning());
    const once = tasksOnPhaseEntry(aCase(), rules.phases, 'beoordeling', aStamp());
    expect(once).not.toBeNull();
    expect(tasksOnPhaseEntry(once!.state, rules.phases, 'beoordeling', aStamp())).toBeNull();
  });

  it("adds the final phase's templates on entering the phase before it (closing waits for them)", () => {
    const klacht = publishedRules(shippedCaseType('klacht'));
    expect(
      templatesOnEntry(klacht.phases, 'hoor-en-wederhoor').map((phase) => [phase.key, phase.tasks.map((task) => task.key)]),
    ).toEqual([
      ['hoor-en-wederhoor', ['reactie-medewerker', 'gesprek-klager']],
      ['afhandeling', ['brief-accorderen']],
    ]);
    expect(templatesOnEntry(klacht.phases, 'registratie').map((phase) => phase.key)).toEqual(['registratie']);
    expect(templatesOnEntry(klacht.phases, 'afhandeling')).toEqual([]);
  });

  it.each([
    ['P3W', '2026-03-03T10:00:00.000Z', '2026-03-24'],
    ['PT4H', '2026-03-03T10:00:00.000Z', '2026-03-03'],
    // 21:00 UTC is 22:00 in Amsterdam (CET): four hours later it is the 4th there
    ['PT4H', '2026-03-03T21:00:00.000Z', '2026-03-04'],
    // 11:00 in Amsterdam + 1 day 12 hours = 23:00 on the 4th
    ['P1DT12H', '2026-03-03T10:00:00.000Z', '2026-03-04'],
  ])('is due %s after %s on %s (a grid SLA in hours counts from the instant)', (period, at, due) => {
    expect(dueDateAfter(at, period)).toBe(due);
  });

  it("instantiates the storingsonderhoud's PT4H template due the same day", () => {
    const storing = publishedRules(shippedCaseType('storingsonderhoud-netwerk'));
    const entered = tasksOnPhaseEntry(aCase(), storing.phases, 'werkvoorbereiding', aStamp());
    expect(entered?.state.tasks).toMatchObject([{ templateKey: 'aannemer-inschakelen', dueOn: '2026-03-03' }]);
  });

  it('is null for a phase without templates', () => {
    const rules = publishedRules(shippedOmgevingsvergunning());
    expect(tasksOnPhaseEntry(aCase(), rules.phases, 'afgehandeld', aStamp())).toBeNull();
  });
});

describe('answering a task', () => {
  const withTask = (input: NewTask) => createTask(aCase(), input, aStamp()).state;
  const answered = aStamp({ occurredAt: '2026-03-05T14:00:00.000Z' });

  it('records the response, who answered and when', () => {
    const done = completeTask(withTask(consultation), 'case-1.1', { response: 'Geen bezwaar' }, joost, answered);
    expect(done.task).toMatchObject({
      status: 'completed',
      response: 'Geen bezwaar',
      decision: null,
      answeredBy: joost,
      answeredAt: '2026-03-05T14:00:00.000Z',
    });
    expect(done.events[0]).toMatchObject({
      type: 'case.task-completed',
      data: { before: { task: { status: 'open' } }, after: { task: { status: 'completed', response: 'Geen bezwaar' } } },
    });
  });

  it('needs a decision on an approval and refuses one on anything else', () => {
    const approval = withTask({ kind: 'approval', title: 'Accorderen' });
    expect(() => completeTask(approval, 'case-1.1', { response: 'ok' }, joost, answered)).toThrow(
      expect.objectContaining({ code: 'task.decision-required' }),
    );
    expect(completeTask(approval, 'case-1.1', { response: null, decision: 'rejected' }, joost, answered).task.decision).toBe(
      'rejected',
    );
    expect(() =>
      completeTask(withTask(consultation), 'case-1.1', { response: 'ok', decision: 'approved' }, joost, answered),
    ).toThrow(expect.objectContaining({ code: 'task.decision-not-applicable' }));
  });

  it('completes a delegation only once it is accepted', () => {
    const delegation = withTask({ kind: 'delegation', title: 'Locatiebezoek', assignee: joost });
    expect(() => completeTask(delegation, 'case-1.1', { response: 'gedaan' }, joost, answered)).toThrow(
      expect.objectContaining({ code: 'task.not-accepted' }),
    );
    const accepted = acceptTask(delegation, 'case-1.1', answered);
    expect(accepted.events[0]?.type).toBe('case.task-accepted');
    expect(completeTask(accepted.state, 'case-1.1', { response: 'gedaan' }, joost, answered).task.status).toBe('completed');
  });

  it('accepts only delegations', () => {
    expect(() => acceptTask(withTask(consultation), 'case-1.1', answered)).toThrow(
      expect.objectContaining({ code: 'task.not-acceptable' }),
    );
  });

  it('declines a consultation with its reason, but not a to-do', () => {
    const declined = declineTask(withTask(consultation), 'case-1.1', 'Niet mijn vakgebied', joost, answered);
    expect(declined.state.tasks[0]).toMatchObject({ status: 'declined', response: 'Niet mijn vakgebied', answeredBy: joost });
    expect(() => declineTask(withTask({ kind: 'todo', title: 'x' }), 'case-1.1', null, joost, answered)).toThrow(
      expect.objectContaining({ code: 'task.not-declinable' }),
    );
  });

  it('refuses to change a task that is no longer open (409) and an unknown task (404)', () => {
    const cancelled = cancelTask(withTask(consultation), 'case-1.1', 'niet meer nodig', answered).state;
    expect(cancelled.tasks[0]?.status).toBe('cancelled');
    expect(() => completeTask(cancelled, 'case-1.1', { response: 'x' }, joost, answered)).toThrow(
      expect.objectContaining({ code: 'task.not-open', kind: 'conflict' }),
    );
    expect(() => cancelTask(cancelled, 'case-1.9', null, answered)).toThrow(
      expect.objectContaining({ code: 'task.not-found', kind: 'not-found' }),
    );
  });

  it('reassigns an open task and does nothing when the assignee stays the same', () => {
    const state = withTask(consultation);
    const daan = { id: 'u-daan', name: 'Daan Bakker' };
    expect(reassignTask(state, 'case-1.1', daan, answered)?.state.tasks[0]?.assignee).toEqual(daan);
    expect(reassignTask(state, 'case-1.1', joost, answered)).toBeNull();
  });
});
