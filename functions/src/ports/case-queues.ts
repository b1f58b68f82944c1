import type { WorkQueueRowFacts } from '../domain/access';
import type { CaseStatus } from '../contract/case-summary';
import type { Confidentiality } from '../domain/confidentiality';
import type { SearchQuery, WorkQueueSort } from '../app/projections/work-queue-keys';

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
  /** The case's last change; null on rows projected before ADR 0020. */
  updatedAt: string | null;
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

/** How a list is read: one sort family of the partitions, or the search rows of one term (ADR 0020). */
export interface QueueListing {
  sort: WorkQueueSort;
  /** Text search: read through its index term (in deadline order per token), the other terms checked per row. */
  search?: SearchQuery;
  /** Rows the caller may serve (the access policy's visibleRows); the others are read past, never served. */
  keep?: (row: QueueRow) => boolean;
}

/** Reads work-queue partitions of the read model: one range query per partition per page, merged by row key. */
export interface CaseQueueReader {
  list(
    partitions: readonly string[],
    filter: QueueFilter,
    page: { limit: number; cursor?: string },
    listing?: QueueListing,
  ): Promise<{ rows: QueueRow[]; nextCursor: string | null }>;
  /** Counts of the union of these partitions (a case in two of them counts once), flags against `today`. */
  count(
    partitions: readonly string[],
    today: string,
    /** Only rows the user may see count (the access policy's visibleRows), so a count never reveals a case. */
    visible?: (row: WorkQueueRowFacts) => boolean,
  ): Promise<QueueCounts>;
}
