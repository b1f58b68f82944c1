import { aCaseState } from '../../test-support/a-case-state';
import { expectedWorkQueueRows } from './work-queue-rows';

describe('expectedWorkQueueRows', () => {
  it('puts an assigned open case in its assignee queue and its case-type queue, keyed by final deadline', () => {
    const rows = expectedWorkQueueRows(aCaseState());
    expect(rows.map((row) => [row.partitionKey, row.rowKey])).toEqual([
      ['assignee:oid-bea', '2026-04-27|case-1'],
      ['caseType:omgevingsvergunning', '2026-04-27|case-1'],
    ]);
    expect(rows[0]?.columns).toMatchObject({
      caseId: 'case-1',
      number: 'ZAAK-2026-000001',
      status: 'open',
      phaseKey: 'intake',
      finalDeadline: '2026-04-27',
      assigneeId: 'oid-bea',
      assigneeName: 'Bea Behandelaar',
    });
  });

  it('puts an unassigned case only in its case-type queue', () => {
    const rows = expectedWorkQueueRows(aCaseState({ assignee: null }));
    expect(rows.map((row) => row.partitionKey)).toEqual(['caseType:omgevingsvergunning']);
    expect(rows[0]?.columns.assigneeId).toBeNull();
  });

  it('keeps a suspended case in its queues', () => {
    const rows = expectedWorkQueueRows(aCaseState({ status: 'suspended' }));
    expect(rows).toHaveLength(2);
    expect(rows[0]?.columns.status).toBe('suspended');
  });

  it('takes a closed case out of every queue', () => {
    expect(expectedWorkQueueRows(aCaseState({ status: 'closed' }))).toEqual([]);
  });

  it('sorts a case without a final deadline after every dated case', () => {
    const rows = expectedWorkQueueRows(aCaseState({ deadline: { final: null, planned: null, suspendedDays: 0 } }));
    expect(rows[0]?.rowKey).toBe('9999-12-31|case-1');
    expect((rows[0]?.rowKey ?? '') > '2099-12-31|case-1').toBe(true);
  });
});
