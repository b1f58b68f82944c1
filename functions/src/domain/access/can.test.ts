import type { CaseShare, CaseTask } from '../cases/case-state';
import type { Confidentiality } from '../confidentiality';
import type { GlobalRole } from '../roles';
import { defaultAccessSettings } from './access-settings';
import { resolveActor, type CaseTypeAccess } from './actor';
import { can, ceilingFor, visibleRows, type CaseFacts } from './can';

const handlers = 'g-handlers';
const readers = 'g-readers';
const deciders = 'g-deciders';
const coordinators = 'g-coordinators';
const at = '2026-03-10T12:00:00.000Z';

const types: CaseTypeAccess[] = [
  {
    key: 'vergunning',
    confidentiality: 'intern',
    access: [
      { group: handlers, role: 'handler', maxConfidentiality: 'vertrouwelijk' },
      { group: readers, role: 'reader', maxConfidentiality: 'intern' },
      { group: deciders, role: 'decisionMaker', maxConfidentiality: 'geheim' },
      { group: coordinators, role: 'coordinator', maxConfidentiality: 'vertrouwelijk' },
    ],
  },
  {
    key: 'klacht',
    confidentiality: 'zaakvertrouwelijk',
    access: [{ group: handlers, role: 'handler', maxConfidentiality: 'intern' }],
  },
];

const actor = (groups: string[] = [], roles: GlobalRole[] = [], id = 'me') =>
  resolveActor({ id, name: 'Me', roles, groups }, types, defaultAccessSettings, at);

const aCase = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  caseType: { key: 'vergunning' },
  confidentiality: 'intern',
  assignee: null,
  tasks: [],
  shares: [],
  ...overrides,
});
const onCase = (facts: CaseFacts, taskId?: string) => ({ kind: 'case' as const, case: facts, ...(taskId ? { taskId } : {}) });

/** A consultation (personal: only its assignee answers it, taskAbilities). */
const task = (status: CaseTask['status'], assigneeId = 'me'): CaseTask => ({
  id: 'case-1.1',
  kind: 'consultation',
  title: 'Advies',
  description: null,
  templateKey: null,
  phase: null,
  assignee: { id: assigneeId, name: 'Me' },
  assigneeGroup: null,
  requiredBy: null,
  dueOn: null,
  remindOn: null,
  status,
  decision: null,
  response: null,
  suspendsCase: false,
  createdBy: { id: 'creator', name: 'Creator' },
  createdAt: '2026-01-01T00:00:00.000Z',
  answeredBy: null,
  answeredAt: null,
});
const share = (access: CaseShare['access'], expiresAt: string): Pick<CaseShare, 'user' | 'access' | 'expiresAt'> => ({
  user: { id: 'me', name: 'Me' },
  access,
  expiresAt,
});

describe('the access policy on a case', () => {
  it.each([
    ['a reader', [readers], 'case.read', true],
    ['a reader', [readers], 'case.update', false],
    ['a handler', [handlers], 'case.update', true],
    ['a handler', [handlers], 'case.assign', true],
    ['a handler', [handlers], 'case.reopen', false],
    ['a handler', [handlers], 'case.share', false],
    ['a coordinator', [coordinators], 'case.reopen', true],
    ['a coordinator', [coordinators], 'case.share', true],
    ['a decision maker', [deciders], 'case.close', true],
    ['a decision maker', [deciders], 'case.update', false],
    ['someone without a grant', [], 'case.read', false],
  ] as const)('lets %s (groups %j) do %s: %s', (_who, groups, action, expected) => {
    expect(can(actor([...groups]), action, onCase(aCase()))).toBe(expected);
  });

  it.each([
    ['intern', true],
    ['zaakvertrouwelijk', false],
    ['geheim', false],
  ] as const)('hides a %s case from a reader with ceiling intern (visible: %s)', (level, visible) => {
    expect(can(actor([readers]), 'case.read', onCase(aCase({ confidentiality: level })))).toBe(visible);
  });

  it('applies each grant up to its own ceiling: a handler up to vertrouwelijk cannot change a geheim case a decider reads', () => {
    const both = actor([handlers, deciders]);
    const secret = onCase(aCase({ confidentiality: 'geheim' }));
    expect(can(both, 'case.read', secret)).toBe(true);
    expect(can(both, 'case.close', secret)).toBe(true);
    expect(can(both, 'case.update', secret)).toBe(false);
  });

  it('lets the assignee work on their own case without any group, but not reopen or share it', () => {
    const mine = onCase(aCase({ assignee: { id: 'me' } }));
    expect(can(actor(), 'case.update', mine)).toBe(true);
    expect(can(actor(), 'case.reopen', mine)).toBe(false);
    expect(can(actor(), 'case.share', mine)).toBe(false);
  });

  it('keeps a case above the ceiling invisible even to its assignee', () => {
    const secret = aCase({ caseType: { key: 'klacht' }, confidentiality: 'vertrouwelijk', assignee: { id: 'me' } });
    expect(can(actor([handlers]), 'case.read', onCase(secret))).toBe(false);
  });

  it.each([
    ['open', true],
    ['accepted', true],
    ['completed', false],
    ['declined', false],
    ['cancelled', false],
  ] as const)('gives the assignee of a %s task read access and the right to answer it: %s', (status, granted) => {
    const consulted = aCase({ tasks: [task(status)] });
    expect(can(actor(), 'case.read', onCase(consulted))).toBe(granted);
    expect(can(actor(), 'task.answer', onCase(consulted, 'case-1.1'))).toBe(granted);
    expect(can(actor(), 'case.update', onCase(consulted))).toBe(false);
  });

  it('gives the members of the group a group task names read access while it is open', () => {
    const groupTask = { ...task('open'), assignee: null, assigneeGroup: 'group-approvers' };
    const approving = aCase({ tasks: [groupTask] });
    expect(can(actor(['group-approvers']), 'case.read', onCase(approving))).toBe(true);
    expect(can(actor(['group-approvers']), 'task.answer', onCase(approving, 'case-1.1'))).toBe(true);
    expect(can(actor(['group-others']), 'case.read', onCase(approving))).toBe(false);
    expect(can(actor(['group-approvers']), 'case.read', onCase(aCase({ tasks: [{ ...groupTask, status: 'completed' }] })))).toBe(
      false,
    );
  });

  it('lets only the task assignee answer the task, not a handler of the type', () => {
    const consulted = aCase({ tasks: [task('open', 'someone-else')] });
    expect(can(actor([handlers]), 'task.answer', onCase(consulted, 'case-1.1'))).toBe(false);
    expect(can(actor([], [], 'someone-else'), 'task.answer', onCase(consulted, 'case-1.1'))).toBe(true);
    expect(can(actor([], [], 'someone-else'), 'task.answer', onCase(consulted, 'case-1.2'))).toBe(false);
  });

  it('honours a share until it expires, with the access it gives', () => {
    const live = aCase({ shares: [share('read', '2026-03-11T00:00:00.000Z')] });
    const expired = aCase({ shares: [share('write', '2026-03-10T11:59:59.000Z')] });
    const writable = aCase({ shares: [share('write', '2026-04-01T00:00:00.000Z')] });
    expect(can(actor(), 'case.read', onCase(live))).toBe(true);
    expect(can(actor(), 'case.update', onCase(live))).toBe(false);
    expect(can(actor(), 'case.read', onCase(expired))).toBe(false);
    expect(can(actor(), 'case.update', onCase(writable))).toBe(true);
    expect(can(actor(), 'case.assign', onCase(writable))).toBe(false);
  });

  it('bounds case-level grants of someone without a type grant by the configured ceiling', () => {
    const level = defaultAccessSettings.caseGrantMaxConfidentiality;
    expect(ceilingFor(actor(), 'vergunning')).toBe(level);
    const above: Confidentiality = 'geheim';
    expect(can(actor(), 'case.read', onCase(aCase({ confidentiality: above, tasks: [task('open')] })))).toBe(false);
  });
});

describe('global roles by default', () => {
  it.each([
    ['administrator', 'case.read', 'intern', false],
    ['coordinator', 'case.assign', 'vertrouwelijk', true],
    ['coordinator', 'case.read', 'confidentieel', false],
    ['recordsManager', 'case.read', 'vertrouwelijk', true],
    ['recordsManager', 'case.update', 'intern', false],
    ['recordsManager', 'case.readAccessLog', 'intern', true],
    ['contactCentre', 'case.read', 'intern', true],
    ['contactCentre', 'case.read', 'zaakvertrouwelijk', false],
    ['auditor', 'case.read', 'geheim', true],
    ['auditor', 'case.readAccessLog', 'geheim', true],
    ['auditor', 'case.update', 'openbaar', false],
  ] as const)('%s: %s on a %s case is %s', (role, action, level, expected) => {
    expect(can(actor([], [role]), action, onCase(aCase({ confidentiality: level })))).toBe(expected);
  });

  it('lets handlers and coordinators register a type under their ceiling, and the contact centre intern types only', () => {
    const vergunning = { kind: 'caseType' as const, caseType: { key: 'vergunning', confidentiality: 'intern' as const } };
    const klacht = { kind: 'caseType' as const, caseType: { key: 'klacht', confidentiality: 'zaakvertrouwelijk' as const } };
    expect(can(actor([handlers]), 'caseType.register', vergunning)).toBe(true);
    expect(can(actor([handlers]), 'caseType.register', klacht)).toBe(false);
    expect(can(actor([readers]), 'caseType.register', vergunning)).toBe(false);
    expect(can(actor([], ['contactCentre']), 'caseType.register', vergunning)).toBe(true);
    expect(can(actor([], ['contactCentre']), 'caseType.register', klacht)).toBe(false);
    expect(can(actor([], ['administrator']), 'caseType.register', vergunning)).toBe(false);
  });

  it('keeps the rights overview and the per-person access report to their roles', () => {
    expect(can(actor([], ['administrator']), 'admin.accessOverview', { kind: 'system' })).toBe(true);
    expect(can(actor([coordinators], ['coordinator']), 'admin.accessOverview', { kind: 'system' })).toBe(false);
    expect(can(actor([], ['auditor']), 'accessLog.report', { kind: 'system' })).toBe(true);
    expect(can(actor([handlers]), 'accessLog.report', { kind: 'system' })).toBe(false);
  });
});

describe('filtering work-queue rows', () => {
  it('keeps exactly the rows the actor may read, whatever queue they come from', () => {
    const rows = [
      { caseId: 'a', caseTypeKey: 'vergunning', confidentiality: 'intern' as const, assigneeId: 'x' },
      { caseId: 'b', caseTypeKey: 'vergunning', confidentiality: 'vertrouwelijk' as const, assigneeId: 'x' },
      { caseId: 'c', caseTypeKey: 'klacht', confidentiality: 'intern' as const, assigneeId: null },
      { caseId: 'd', caseTypeKey: 'onbekend', confidentiality: 'openbaar' as const, assigneeId: 'me' },
    ];
    expect(visibleRows(actor([readers]), rows).map((row) => row.caseId)).toEqual(['a', 'd']);
    expect(visibleRows(actor([handlers]), rows).map((row) => row.caseId)).toEqual(['a', 'b', 'c', 'd']);
  });
});
