import type { CaseEvent } from '../../domain/events';
import type { EventLog } from '../../ports/event-log';
import type { SignalInboxRow } from '../../ports/signals';
import { signalInboxRows } from './signal-inbox-rows';

export type SignalInboxDifference =
  | { kind: 'missing'; row: SignalInboxRow }
  | { kind: 'stale'; row: SignalInboxRow }
  | { kind: 'different'; row: SignalInboxRow; columns: string[] };

export interface SignalInboxRebuildDeps {
  eventLog: Pick<EventLog, 'listCaseIds' | 'allEvents'>;
  /** Every stored inbox row, read marks excluded (a scan; the rebuild is the one place allowed one). */
  storedRows: () => AsyncIterable<SignalInboxRow>;
  upsert: (rows: readonly SignalInboxRow[]) => Promise<void>;
  deleteRow: (row: Pick<SignalInboxRow, 'recipient' | 'signalId'>) => Promise<void>;
}

const identity = (row: Pick<SignalInboxRow, 'recipient' | 'signalId'>): string => `${row.recipient}\n${row.signalId}`;

/**
 * Recomputes the signals inbox from every case's events and compares it with the table; `apply` writes
 * missing and different rows and deletes stale ones. Read marks are the users' own data and are kept.
 */
export async function rebuildSignalInbox(
  deps: SignalInboxRebuildDeps,
  options: { apply: boolean },
): Promise<SignalInboxDifference[]> {
  const expected = new Map<string, SignalInboxRow>();
  let cursor: string | undefined;
  do {
    const page = await deps.eventLog.listCaseIds({ limit: 500, ...(cursor ? { cursor } : {}) });
    for (const caseId of page.caseIds) {
      const events: CaseEvent[] = await deps.eventLog.allEvents(caseId);
      for (const row of events.flatMap(signalInboxRows)) expected.set(identity(row), row);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const differences: SignalInboxDifference[] = [];
  const seen = new Set<string>();
  for await (const stored of deps.storedRows()) {
    const want = expected.get(identity(stored));
    if (!want) {
      differences.push({ kind: 'stale', row: stored });
      continue;
    }
    seen.add(identity(stored));
    const columns = (Object.keys(want) as (keyof SignalInboxRow)[]).filter((name) => want[name] !== stored[name]).sort();
    if (columns.length > 0) differences.push({ kind: 'different', row: want, columns });
  }
  for (const [key, row] of expected) if (!seen.has(key)) differences.push({ kind: 'missing', row });

  if (options.apply) {
    for (const difference of differences) {
      if (difference.kind === 'stale') await deps.deleteRow(difference.row);
      else await deps.upsert([difference.row]);
    }
  }
  return differences;
}

export const describeSignalInboxDifference = (difference: SignalInboxDifference): string => {
  const { recipient, signalId, caseId } = difference.row;
  switch (difference.kind) {
    case 'missing':
      return `MISSING   ${recipient} ${signalId} (case ${caseId})`;
    case 'stale':
      return `STALE     ${recipient} ${signalId} (case ${caseId})`;
    case 'different':
      return `DIFFERENT ${recipient} ${signalId} (case ${caseId}): ${difference.columns.join(', ')}`;
  }
};
