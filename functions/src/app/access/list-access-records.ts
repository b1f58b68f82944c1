import { can, type Actor } from '../../domain/access';
import type { CaseState } from '../../domain/cases';
import type { AccessLog, AccessRecordPage } from '../../ports/access-log';
import type { CaseStore } from '../../ports/case-store';
import { caseNotFound } from '../cases/case-errors';
import { authorizeCase, notAllowed } from './authorize';

type Page = { limit: number; cursor?: string };

/** GET /cases/{id}/access-log: who read this case, for privacy officers and records managers (404/403 as any case). */
export async function listCaseAccessRecords(
  deps: { caseStore: Pick<CaseStore, 'load'>; accessLog: Pick<AccessLog, 'listForCase'> },
  actor: Actor,
  caseId: string,
  page: Page,
): Promise<AccessRecordPage> {
  const loaded = await deps.caseStore.load<CaseState>(caseId);
  if (!loaded) throw caseNotFound(caseId);
  authorizeCase(actor, 'case.readAccessLog', loaded.state);
  return deps.accessLog.listForCase(caseId, page);
}

/**
 * The per-person report: every recorded read of a case where the person is a party, across cases.
 * Records of cases the actor may not see (their type or level) are left out, like any list.
 */
export async function listPersonAccessRecords(
  deps: { accessLog: Pick<AccessLog, 'listForPerson'> },
  actor: Actor,
  person: string,
  page: Page,
): Promise<AccessRecordPage> {
  if (!can(actor, 'accessLog.report', { kind: 'system' })) throw notAllowed();
  const found = await deps.accessLog.listForPerson(person, page);
  const visible = found.records.filter((record) =>
    can(actor, 'case.readAccessLog', {
      kind: 'workQueueRow',
      row: { caseTypeKey: record.caseTypeKey, confidentiality: record.confidentiality, assigneeId: null },
    }),
  );
  return { records: visible, nextCursor: found.nextCursor };
}
