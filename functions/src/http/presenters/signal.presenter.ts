import type { Signal, SignalList } from '../../contract/signals';
import { signalSummary } from '../../domain/signals';
import type { SignalInboxEntry } from '../../ports/signals';

export function presentSignal(entry: SignalInboxEntry): Signal {
  const task = entry.taskId ? { id: entry.taskId, title: entry.taskTitle ?? '' } : null;
  return {
    id: entry.signalId,
    kind: entry.kind as Signal['kind'],
    case: { id: entry.caseId, number: entry.caseNumber, title: entry.caseTitle },
    task,
    date: entry.basis,
    raisedAt: entry.raisedAt,
    summary: signalSummary({ kind: entry.kind, basis: entry.basis, task }),
    via: entry.recipient.startsWith('group:') ? 'group' : 'user',
    readAt: entry.readAt,
  };
}

export const presentSignalList = (page: { entries: SignalInboxEntry[]; nextCursor: string | null }): SignalList => ({
  items: page.entries.map(presentSignal),
  nextCursor: page.nextCursor,
});
