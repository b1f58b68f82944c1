import type { CaseEvent } from '../../domain/events';
import { signalIdOf, signalIdPattern, signalInboxRows } from './signal-inbox-rows';

const event = (type: string, after: CaseEvent['data']['after'], occurredAt = '2026-03-17T06:00:00.000Z'): CaseEvent => ({
  caseId: '0193b0c2-0000-4000-8000-000000000001',
  sequence: 7,
  type,
  occurredAt,
  actor: { id: 'zaakwerk-signals', name: 'Zaakwerk signalering', kind: 'system' },
  channel: 'system',
  data: { after },
  previousHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});

describe('signal inbox rows', () => {
  it('gives one row per recipient of a signal event, with the case and task it is about', () => {
    const rows = signalInboxRows(
      event('signal.task-overdue', {
        signal: {
          kind: 'task-overdue',
          subject: 'task:x.1',
          basis: '2026-03-10',
          recipients: [
            { kind: 'user', id: 'oid-kees', name: 'Kees' },
            { kind: 'group', id: 'g-1' },
          ],
          task: { id: 'x.1', title: 'Advies' },
          case: { number: 'ZAAK-2026-000001', title: 'Dakkapel' },
        },
      }),
    );
    expect(rows.map((row) => row.recipient)).toEqual(['user:oid-kees', 'group:g-1']);
    expect(rows[0]).toMatchObject({
      kind: 'task-overdue',
      basis: '2026-03-10',
      caseNumber: 'ZAAK-2026-000001',
      taskId: 'x.1',
      taskTitle: 'Advies',
      raisedAt: '2026-03-17T06:00:00.000Z',
    });
    expect(rows[0]?.signalId).toMatch(signalIdPattern);
    expect(rows[0]?.signalId).toBe(rows[1]?.signalId);
  });

  it('gives no rows for other events', () => {
    expect(signalInboxRows(event('case.assigned', { assignee: { id: 'a', name: 'A' } }))).toEqual([]);
  });

  it('sorts newer signals first by id', () => {
    const older = signalIdOf({ caseId: 'c', sequence: 9, occurredAt: '2026-03-17T06:00:00.000Z' });
    const newer = signalIdOf({ caseId: 'c', sequence: 2, occurredAt: '2026-03-17T06:15:00.000Z' });
    expect(newer < older).toBe(true);
  });
});
