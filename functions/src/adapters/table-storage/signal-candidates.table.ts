import { odata, RestError, type TableClient } from '@azure/data-tables';
import { caseTypeQueueKey, signalAgendaKey } from '../../app/projections/work-queue-rows';
import type { DeadlineCandidateRow, SignalCandidateReader } from '../../ports/signals';

/** Rows of one query, or none when the table does not exist yet. */
async function* rowsOf(table: TableClient, filter: string, select: string[]): AsyncGenerator<Record<string, unknown>> {
  try {
    for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select } })) yield row;
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return;
    throw error;
  }
}

/**
 * The signal timer's candidates from the WorkQueue table: range queries inside one partition each
 * (`caseType:<key>` up to a deadline, `agenda` up to today), so a run reads what may be due, not every case.
 */
export function createSignalCandidateReader(workQueue: TableClient): SignalCandidateReader {
  return {
    async *deadlineRows(caseTypeKey, before): AsyncGenerator<DeadlineCandidateRow> {
      const filter = odata`PartitionKey eq ${caseTypeQueueKey(caseTypeKey)} and RowKey lt ${before}`;
      for await (const row of rowsOf(workQueue, filter, ['caseId', 'finalDeadline', 'deadlineSignal'])) {
        if (typeof row.caseId !== 'string' || typeof row.finalDeadline !== 'string') continue;
        yield {
          caseId: row.caseId,
          finalDeadline: row.finalDeadline,
          deadlineSignal: typeof row.deadlineSignal === 'string' ? row.deadlineSignal : null,
        };
      }
    },
    async *agendaCaseIds(today) {
      // Row keys are `<date>|<caseId>`; `|` sorts before every id character, `~` after them.
      const filter = odata`PartitionKey eq ${signalAgendaKey} and RowKey lt ${`${today}|~`}`;
      for await (const row of rowsOf(workQueue, filter, ['caseId'])) if (typeof row.caseId === 'string') yield row.caseId;
    },
  };
}
