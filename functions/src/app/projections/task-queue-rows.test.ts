import { aCaseState } from '../../test-support/a-case-state';
import type { CaseTask } from '../../domain/cases';
import { expectedWorkQueueRows } from './work-queue-rows';

const aTask = (id: string, overrides: Partial<CaseTask> = {}): CaseTask => ({
  id,
  kind: 'consultation',
  title: `Taak ${id}`,
  description: null,
  templateKey: null,
  phase: 'intake',
  assignee: { id: 'oid-joost', name: 'Joost Mulder' },
  assigneeGroup: null,
  requiredBy: null,
  dueOn: null,
  remindOn: null,
  status: 'open',
  decision: null,
  response: null,
  suspendsCase: false,
  createdBy: { id: 'oid-bea', name: 'Bea' },
  createdAt: '2026-03-02T08:00:00.000Z',
  answeredBy: null,
  answeredAt: null,
  ...overrides,
});
const taskRows = (tasks: CaseTask[], status: 'open' | 'closed' = 'open') =>
  expectedWorkQueueRows(aCaseState({ tasks, status })).filter((row) => /^task(Group)?:/.test(row.partitionKey));

describe('task-queue rows (GET /tasks?mine)', () => {
  it("puts each open or accepted task in its assignee's (or else its group's) task partition, earliest due first", () => {
    const rows = taskRows([
      aTask('case-1.1', { dueOn: '2026-03-20' }),
      aTask('case-1.2', { kind: 'delegation', status: 'accepted' }),
      aTask('case-1.3', { status: 'completed' }),
      aTask('case-1.4', { assignee: null, assigneeGroup: 'g-1' }),
    ]);
    expect(rows.map((row) => [row.partitionKey, row.rowKey])).toEqual([
      ['task:oid-joost', '2026-03-20|case-1.1'],
      ['task:oid-joost', '9999-12-31|case-1.2'],
      ['taskGroup:g-1', '9999-12-31|case-1.4'],
    ]);
    expect(rows[0]?.columns).toMatchObject({
      caseId: 'case-1',
      number: 'ZAAK-2026-000001',
      taskId: 'case-1.1',
      taskKind: 'consultation',
      taskStatus: 'open',
      taskDueOn: '2026-03-20',
    });
  });

  it('has none for a closed case', () => {
    expect(taskRows([aTask('case-1.1')], 'closed')).toEqual([]);
  });
});
