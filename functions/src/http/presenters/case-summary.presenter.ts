import type { CaseList, CaseSummary } from '../../contract/case-summary';
import { queueFlags } from '../../domain/signals';
import type { QueueRow } from '../../ports/case-queues';

/** A work-queue row as a case summary; at risk / overdue are computed against `today`, never stored. */
export function presentCaseSummary(row: QueueRow, today: string): CaseSummary {
  return {
    id: row.caseId,
    number: row.number,
    title: row.title,
    caseType: { key: row.caseTypeKey, name: row.caseTypeName },
    status: row.status,
    phase: row.phaseKey ? { key: row.phaseKey, name: row.phaseName ?? row.phaseKey } : null,
    deadline: { final: row.finalDeadline, ...queueFlags(row.finalDeadline, row.atRiskFrom, today) },
    receivedOn: row.receivedOn,
    ...(row.updatedAt ? { updatedAt: row.updatedAt } : {}),
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? row.assigneeId } : null,
    confidentiality: row.confidentiality,
  };
}

export function presentCaseList(page: { rows: QueueRow[]; nextCursor: string | null }, today: string): CaseList {
  return { items: page.rows.map((row) => presentCaseSummary(row, today)), nextCursor: page.nextCursor };
}
