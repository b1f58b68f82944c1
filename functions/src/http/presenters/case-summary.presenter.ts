import type { CaseList, CaseSummary } from '../../contract/case-summary';
import type { WorkQueueEntry, WorkQueuePage } from '../../ports/work-queue';

export function presentCaseSummary(entry: WorkQueueEntry): CaseSummary {
  return {
    id: entry.caseId,
    number: entry.number,
    title: entry.title,
    caseType: { key: entry.caseTypeKey, name: entry.caseTypeName },
    status: entry.status,
    phase: entry.phaseKey ? { key: entry.phaseKey, name: entry.phaseName ?? entry.phaseKey } : null,
    deadline: { final: entry.finalDeadline },
    receivedOn: entry.receivedOn,
    assignee: { id: entry.assigneeId, name: entry.assigneeName },
    confidentiality: entry.confidentiality,
  };
}

export function presentCaseList(page: WorkQueuePage): CaseList {
  return { items: page.entries.map(presentCaseSummary), nextCursor: page.nextCursor };
}
