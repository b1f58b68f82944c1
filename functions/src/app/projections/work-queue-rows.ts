import type { CaseState } from '../../domain/cases';
import { expectedTaskQueueRows } from './task-queue-rows';
import { atRiskFrom, deadlineSignalColumn, nextAgendaDate } from '../../domain/signals';
import {
  deadlineKeyOf,
  deadlineRowKey,
  receivedRowKey,
  searchPartition,
  searchRowKey,
  searchTokens,
  updatedRowKey,
  viewPartition,
} from './work-queue-keys';

/** Partitions of the WorkQueue table this projection writes: one queue per assignee and one per case type. */
export const assigneeQueueKey = (assigneeId: string): string => `assignee:${assigneeId}`;
export const caseTypeQueueKey = (caseTypeKey: string): string => `caseType:${caseTypeKey}`;
/** The team queue of an Entra group that handles the case type (`access` with role `handler`). */
export const teamQueueKey = (groupId: string): string => `team:${groupId}`;

/** What the rows need from the case's type version: its handler groups and its at-risk threshold. */
export interface WorkQueueTypeInfo {
  handlerGroups: readonly string[];
  atRiskWorkingDays: number;
}
/**
 * Not a queue people read: the signal timer's agenda, one row per case keyed `<date>|<caseId>` by the
 * first date a task, reminder or applicant's term of the case needs a signal (domain/signals).
 */
export const signalAgendaKey = 'agenda';

/** The deadline-family key (work-queue-keys.ts); cases without a deadline come last. */
export const workQueueRowKeyFor = deadlineRowKey;

/** The columns of a work-queue row; null values are left out when written (Table Storage has no null). */
export interface WorkQueueRowColumns {
  caseId: string;
  number: string;
  title: string;
  caseTypeKey: string;
  caseTypeName: string;
  status: CaseState['status'];
  phaseKey: string | null;
  phaseName: string | null;
  finalDeadline: string | null;
  receivedOn: string;
  /** The case's last change (ISO instant): shown, and the key of the `updated` sort family. */
  updatedAt?: string;
  /** The final deadline or 9999-12-31: the deadline filters on rows of the other families (ADR 0020). */
  deadlineKey?: string;
  assigneeId: string | null;
  assigneeName: string | null;
  confidentiality: CaseState['confidentiality'];
  /** Task-queue rows only (task-queue-rows.ts). */
  taskId?: string;
  taskKind?: string;
  taskTitle?: string;
  taskStatus?: string;
  taskDueOn?: string | null;
  /** The last deadline signal (`deadline-at-risk|2026-04-27`), so the timer skips what it already signalled. */
  deadlineSignal?: string | null;
  /** The first day the case is at risk (from the type's threshold), so flags are computed at read time. */
  atRiskFrom?: string | null;
}

export interface WorkQueueRow {
  partitionKey: string;
  rowKey: string;
  columns: WorkQueueRowColumns;
}

/**
 * The work-queue rows a case should have, from its current state alone (pure; the projector and the
 * rebuild both use it). A closed case is in no queue. An open or suspended case is in its case type's
 * queue, and in its assignee's queue when it has one. Team/group queues (issue 4) will be one more
 * partition here, e.g. `team:<groupId>`, once the state records a team.
 */
export function expectedWorkQueueRows(state: CaseState, type?: WorkQueueTypeInfo): WorkQueueRow[] {
  if (state.status === 'closed') return [];
  const columns: WorkQueueRowColumns = {
    caseId: state.id,
    number: state.number,
    title: state.title,
    caseTypeKey: state.caseType.key,
    caseTypeName: state.caseType.name,
    status: state.status,
    phaseKey: state.phase.key,
    phaseName: state.phase.name,
    finalDeadline: state.deadline.final,
    receivedOn: state.receivedOn,
    updatedAt: state.updatedAt,
    deadlineKey: deadlineKeyOf(state.deadline.final),
    assigneeId: state.assignee?.id ?? null,
    assigneeName: state.assignee?.name ?? null,
    confidentiality: state.confidentiality,
    deadlineSignal: deadlineSignalColumn(state),
    ...(type ? { atRiskFrom: atRiskFrom(state.deadline.final, type.atRiskWorkingDays) } : {}),
  };
  const queues = [
    ...(state.assignee ? [assigneeQueueKey(state.assignee.id)] : []),
    caseTypeQueueKey(state.caseType.key),
    ...[...new Set(type?.handlerGroups ?? [])].map(teamQueueKey),
  ];
  // Every queue: its deadline row, and in the views (ADR 0020) a received, an updated and a row per search token.
  const tokens = searchTokens(state.title, state.number);
  const rows: WorkQueueRow[] = queues.flatMap((queue) => [
    { partitionKey: queue, rowKey: workQueueRowKeyFor(state.deadline.final, state.id), columns },
    { partitionKey: viewPartition(queue, 'received'), rowKey: receivedRowKey(state.receivedOn, state.id), columns },
    { partitionKey: viewPartition(queue, 'updated'), rowKey: updatedRowKey(state.updatedAt, state.id), columns },
    ...tokens.map((token) => ({
      partitionKey: searchPartition(queue, token),
      rowKey: searchRowKey(token, state.deadline.final, state.id),
      columns,
    })),
  ]);
  const agendaDate = nextAgendaDate(state);
  if (agendaDate) rows.push({ partitionKey: signalAgendaKey, rowKey: `${agendaDate}|${state.id}`, columns });
  return [...rows, ...expectedTaskQueueRows(state, columns)];
}

/** A row's identity in the table, for set comparisons. */
export const rowIdentity = (row: { partitionKey: string; rowKey: string }): string => `${row.partitionKey}\n${row.rowKey}`;
