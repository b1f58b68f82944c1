import type { CaseEvent } from '../../domain/events';
import type { EventLog, ListEventsOptions } from '../../ports/event-log';
import type { SignalInboxRow } from '../../ports/signals';
import { projectSignalInbox } from './project-signal-inbox';

const anEvent = (sequence: number, type: string): CaseEvent => ({
  caseId: 'case-1',
  sequence,
  type,
  occurredAt: '2026-03-17T06:00:00.000Z',
  actor: { id: 'zaakwerk-signals', name: 'Zaakwerk signalering', kind: 'system' },
  channel: 'system',
  data: {
    after: type.startsWith('signal.')
      ? { signal: { kind: type.slice(7), basis: '2026-03-20', recipients: [{ kind: 'user', id: 'oid-bea', name: 'Bea' }] } }
      : {},
  },
  previousHash: '',
  hash: '',
});

function fakes(events: CaseEvent[]) {
  const reads: ListEventsOptions[] = [];
  const written: SignalInboxRow[] = [];
  const eventLog: Pick<EventLog, 'listEvents'> = {
    listEvents: async (_caseId, options) => {
      reads.push(options);
      const from = options.fromSequence ?? 1;
      return { events: events.filter((e) => e.sequence >= from).slice(0, options.limit), nextCursor: null };
    },
  };
  return {
    deps: { eventLog, inbox: { upsert: async (rows: readonly SignalInboxRow[]) => void written.push(...rows) } },
    reads,
    written,
  };
}

const events = [anEvent(1, 'case.registered'), anEvent(2, 'signal.deadline-at-risk'), anEvent(3, 'signal.task-overdue')];

describe('projecting signals into the inbox', () => {
  it('reads the commit’s events by sequence and writes a row per recipient of each signal', async () => {
    const f = fakes(events);
    const message = { caseId: 'case-1', sequence: 3, payload: { events: ['signal.deadline-at-risk', 'signal.task-overdue'] } };
    await expect(projectSignalInbox(message, f.deps)).resolves.toBe(2);
    expect(f.reads).toEqual([{ fromSequence: 2, limit: 2 }]);
    expect(f.written.map((row) => [row.recipient, row.kind, row.sequence])).toEqual([
      ['user:oid-bea', 'deadline-at-risk', 2],
      ['user:oid-bea', 'task-overdue', 3],
    ]);
  });

  it('writes the same rows again for a redelivered message', async () => {
    const f = fakes(events);
    const message = { caseId: 'case-1', sequence: 3, payload: { events: ['signal.deadline-at-risk', 'signal.task-overdue'] } };
    await projectSignalInbox(message, f.deps);
    await projectSignalInbox(message, f.deps);
    expect(f.written[0]).toEqual(f.written[2]);
    expect(f.written[1]).toEqual(f.written[3]);
  });

  it('reads nothing for a commit without signals or a message it does not understand', async () => {
    const f = fakes(events);
    await expect(
      projectSignalInbox({ caseId: 'case-1', sequence: 1, payload: { events: ['case.registered'] } }, f.deps),
    ).resolves.toBe(0);
    await expect(projectSignalInbox({ caseId: 'case-1', sequence: 1 }, f.deps)).resolves.toBe(0);
    await expect(projectSignalInbox('nonsense', f.deps)).resolves.toBe(0);
    expect(f.reads).toEqual([]);
  });
});
