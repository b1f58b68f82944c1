import type { WorkQueueRowFacts } from '../domain/access';
import type { CaseStatus } from '../contract/case-summary';
import type { Confidentiality } from '../domain/confidentiality';

/** A row of any work queue (assignee, team, case type): enough to show, sort, flag and filter by visibility. */
export interface QueueRow {
  caseId: string;
  number: string;
  title: string;
  caseTypeKey: string;
  caseTypeName: string;
  status: CaseStatus;
  phaseKey: string | null;
  phaseName: string | null;
  finalDeadline: string | null;
  receivedOn: string;
  assigneeId: string | null;
  assigneeName: string | null;
  confidentiality: Confidentiality;
  /** First day the case is at risk; null without a deadline or threshold. */
  atRiskFrom: string | null;
}

/** Filters applied by the table query itself (never after paging). */
export interface QueueFilter {
  status?: 'open' | 'suspended';
  caseType?: string;
  phase?: string;
  assignee?: string;
  /** true: final deadline before `today`; false: not overdue (or no deadline). */
  overdue?: boolean;
  /** true: at risk today (not overdue). */
  atRisk?: boolean;
  today: string;
}

export interface QueueCounts {
  total: number;
  atRisk: number;
  overdue: number;
}

/** Reads work-queue partitions of the read model, merged in deadline order. */
export interface CaseQueueReader {
  list(
    partitions: readonly string[],
    filter: QueueFilter,
    page: { limit: number; cursor?: string },
  ): Promise<{ rows: QueueRow[]; nextCursor: string | null }>;
  /** Counts of the union of these partitions (a case in two of them counts once), flags against `today`. */
  count(
    partitions: readonly string[],
    today: string,
    /** Only rows the user may see count (the access policy's visibleRows), so a count never reveals a case. */
    visible?: (row: WorkQueueRowFacts) => boolean,
  ): Promise<QueueCounts>;
}
