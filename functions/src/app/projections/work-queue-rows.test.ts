import { aCaseState } from '../../test-support/a-case-state';
import { expectedWorkQueueRows } from './work-queue-rows';
import { deadlineFamilyEnd, receivedRowKey, searchRowKey, updatedRowKey } from './work-queue-keys';

/** The deadline-family rows (one per queue), as before ADR 0020. */
const byDeadline = (rows: ReturnType<typeof expectedWorkQueueRows>) => rows.filter((row) => row.rowKey < deadlineFamilyEnd);

describe('expectedWorkQueueRows', () => {
  it('puts an assigned open case in its assignee queue and its case-type queue, keyed by final deadline', () => {
    const rows = byDeadline(expectedWorkQueueRows(aCaseState()));
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
    expect(new Set(rows.map((row) => row.partitionKey.split('|')[0]))).toEqual(new Set(['caseType:omgevingsvergunning']));
    expect(rows[0]?.columns.assigneeId).toBeNull();
  });

  it('keeps a suspended case in its queues', () => {
    const rows = byDeadline(expectedWorkQueueRows(aCaseState({ status: 'suspended' })));
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

  it('gives every queue partition a received, an updated and a search row per token, with the same columns', () => {
    const state = aCaseState({ title: 'Dakkapel Dorpsstraat', updatedAt: '2026-03-05T10:00:00.000Z' });
    const rows = expectedWorkQueueRows(state);
    for (const queue of ['assignee:oid-bea', 'caseType:omgevingsvergunning']) {
      expect(rows.filter((row) => row.partitionKey.split('|')[0] === queue).map((row) => [row.partitionKey, row.rowKey])).toEqual(
        [
          [queue, '2026-04-27|case-1'],
          [`${queue}|received`, receivedRowKey('2026-03-02', 'case-1')],
          [`${queue}|updated`, updatedRowKey('2026-03-05T10:00:00.000Z', 'case-1')],
          ...['1', 'dakkapel', 'dorpsstraat'].map((token) => [
            `${queue}|q:${token.slice(0, 2)}`,
            searchRowKey(token, '2026-04-27', 'case-1'),
          ]),
        ],
      );
    }
    expect(new Set(rows.map((row) => row.columns))).toEqual(new Set([rows[0]?.columns]));
    expect(rows[0]?.columns).toMatchObject({ updatedAt: '2026-03-05T10:00:00.000Z', deadlineKey: '2026-04-27' });
  });

  it('moves the updated row when the case changes (a new key; the projector deletes the old one)', () => {
    const before = expectedWorkQueueRows(aCaseState()).map((row) => row.rowKey);
    const after = expectedWorkQueueRows(aCaseState({ updatedAt: '2026-03-09T12:00:00.000Z' })).map((row) => row.rowKey);
    expect(before.filter((key) => !after.includes(key))).toEqual([
      updatedRowKey('2026-03-02T08:00:00.000Z', 'case-1'),
      updatedRowKey('2026-03-02T08:00:00.000Z', 'case-1'),
    ]);
  });
});
