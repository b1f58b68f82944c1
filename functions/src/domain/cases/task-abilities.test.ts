import type { GlobalRole } from '../roles';
import { aCaseState } from '../../test-support/a-case-state';
import type { CaseTask } from './case-state';
import { taskAbilities } from './task-abilities';

const group = 'a1b2c3d4-0002-4000-8000-000000000002';
const aTask = (overrides: Partial<CaseTask> = {}): CaseTask => ({
  id: 'case-1.1',
  kind: 'consultation',
  title: 'Advies',
  description: null,
  templateKey: null,
  phase: 'intake',
  assignee: { id: 'oid-joost', name: 'Joost Mulder' },
  assigneeGroup: null,
  requiredBy: null,
  requiredRole: null,
  dueOn: null,
  remindOn: null,
  status: 'open',
  decision: null,
  response: null,
  suspendsCase: false,
  createdBy: { id: 'oid-bea', name: 'Bea Behandelaar' },
  createdAt: '2026-03-02T08:00:00.000Z',
  answeredBy: null,
  answeredAt: null,
  ...overrides,
});
const user = (oid: string, roles: GlobalRole[] = [], groups: string[] = []) => ({ oid, roles, groups });
const joost = user('oid-joost'); // the consulted colleague: no Zaakwerk role
const bea = user('oid-bea'); // the case's assignee, who made the task
const fatima = user('oid-fatima', ['coordinator'], [group]);
const daan = user('oid-daan'); // another handler
const open = aCaseState();

describe('taskAbilities: who may answer', () => {
  it.each([
    ['the assignee answers a consultation', joost, aTask(), true],
    ["the case's assignee does not answer someone else's consultation", bea, aTask(), false],
    ['a coordinator does not answer a personal consultation', fatima, aTask(), false],
    ['a stranger does not', daan, aTask(), false],
    ['a group member answers a task that names only the group', fatima, aTask({ assignee: null, assigneeGroup: group }), true],
    ['a non-member does not', daan, aTask({ assignee: null, assigneeGroup: group }), false],
    ["the case's assignee answers a to-do", bea, aTask({ kind: 'todo' }), true],
    ['a coordinator records the answer to an information request', fatima, aTask({ kind: 'informationRequest' }), true],
    ['a stranger does not answer a to-do', daan, aTask({ kind: 'todo' }), false],
    ['an approval without a rule: its assignee', joost, aTask({ kind: 'approval' }), true],
    [
      'a required coordinator approval: any coordinator',
      fatima,
      aTask({ kind: 'approval', requiredBy: 'drempel', requiredRole: 'coordinator' }),
      true,
    ],
    [
      'a required coordinator approval: not its assignee without the role',
      bea,
      aTask({ kind: 'approval', assignee: { id: 'oid-bea', name: 'Bea' }, requiredBy: 'drempel', requiredRole: 'coordinator' }),
      false,
    ],
    [
      'a required approval of a case-type role that is no global role: its assignee',
      joost,
      aTask({ kind: 'approval', requiredBy: 'r', requiredRole: 'beslisser' }),
      true,
    ],
    ['an open delegation is accepted before it is completed', joost, aTask({ kind: 'delegation' }), false],
    ['an accepted delegation is completed by its assignee', joost, aTask({ kind: 'delegation', status: 'accepted' }), true],
    ['a completed task is not answered again', joost, aTask({ status: 'completed' }), false],
    ['a cancelled task neither', joost, aTask({ status: 'cancelled' }), false],
  ])('%s', (_, who, task, expected) => {
    expect(taskAbilities(who, open, task).complete).toBe(expected);
  });

  it('allows nothing on a closed case', () => {
    expect(Object.values(taskAbilities(joost, aCaseState({ status: 'closed' }), aTask())).some(Boolean)).toBe(false);
  });
});

describe('taskAbilities: accept, decline, cancel, reassign', () => {
  it('lets the assignee accept and decline a delegation, not others', () => {
    expect(taskAbilities(joost, open, aTask({ kind: 'delegation' }))).toMatchObject({ accept: true, decline: true });
    expect(taskAbilities(bea, open, aTask({ kind: 'delegation' }))).toMatchObject({ accept: false, decline: false });
  });

  it('lets the assignee decline a consultation but not accept it', () => {
    expect(taskAbilities(joost, open, aTask())).toMatchObject({ accept: false, decline: true });
  });

  it("lets the creator, the case's assignee and coordinators cancel or reassign, not the task's assignee", () => {
    expect(taskAbilities(bea, open, aTask())).toMatchObject({ cancel: true, reassign: true });
    expect(taskAbilities(fatima, open, aTask())).toMatchObject({ cancel: true, reassign: true });
    expect(taskAbilities(joost, open, aTask())).toMatchObject({ cancel: false, reassign: false });
    expect(taskAbilities(daan, open, aTask())).toMatchObject({ cancel: false, reassign: false });
  });
});
