import type { CaseStatus } from '../contract/case-summary';
import type { Confidentiality } from '../domain/confidentiality';

/** One row of the work-queue read model (Table `WorkQueue`), written by the projector (issue 4) and the seed. */
export interface WorkQueueEntry {
  caseId: string;
  number: string;
  title: string;
  caseTypeKey: string;
  caseTypeName: string;
  status: CaseStatus;
  phaseKey: string | null;
  phaseName: string | null;
  /** YYYY-MM-DD or null when the case type has no deadline. */
  finalDeadline: string | null;
  receivedOn: string;
  assigneeId: string;
  assigneeName: string;
  confidentiality: Confidentiality;
  /** First day the case is at risk (work-queue projector); absent on rows written before it existed. */
  atRiskFrom?: string | null;
}

export interface WorkQueuePage {
  entries: WorkQueueEntry[];
  /** Opaque, URL-safe; null on the last page. */
  nextCursor: string | null;
}

export interface WorkQueueReader {
  /** The cases assigned to a user, earliest final deadline first (cases without deadline last). */
  listAssignedTo(assigneeId: string, page: { limit: number; cursor?: string }): Promise<WorkQueuePage>;
}
