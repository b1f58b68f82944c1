import type { TableClient } from '@azure/data-tables';

/** The columns of a work-queue row as the projector writes them (work-queue-rows.ts); no null in Table Storage. */
export interface PlantedQueueRow {
  caseId: string;
  number: string;
  title: string;
  caseTypeKey: string;
  caseTypeName: string;
  status: 'open' | 'suspended' | 'closed';
  phaseKey: string;
  phaseName: string;
  finalDeadline: string | null;
  receivedOn: string;
  assigneeId: string;
  assigneeName: string;
  confidentiality: 'openbaar' | 'intern' | 'zaakvertrouwelijk' | 'vertrouwelijk' | 'geheim';
}

/**
 * Plants a row in an assignee's work queue (partition `assignee:<oid>`, key `<deadline>|<caseId>`, cases
 * without a deadline last) for tests of readers that need rows without registering whole cases.
 */
export async function plantWorkQueueRow(table: TableClient, row: PlantedQueueRow): Promise<void> {
  const { finalDeadline, ...columns } = row;
  await table.createTable();
  await table.upsertEntity(
    {
      partitionKey: `assignee:${row.assigneeId}`,
      rowKey: `${finalDeadline ?? '9999-12-31'}|${row.caseId}`,
      ...columns,
      ...(finalDeadline ? { finalDeadline } : {}),
    },
    'Replace',
  );
}
