import { amsterdamToday } from '../../domain/cases';
import { checkShareable, documentNotFound, recordShare, type CaseDocument } from '../../domain/documents';
import { DomainError } from '../../domain/errors';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { DocumentStore, GraphActor } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from '../cases/case-type-of';
import { caseClosed, type ChangeCaseDeps } from '../cases/change-case';
import { personOf } from './document-actor';
import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';
import { recordOnCase } from './record-on-case';

export const shareExpiryInvalid = (message: string) =>
  new DomainError('rule-violation', 'document.share-expiry-invalid', message);

/** The last millisecond of a date in Europe/Amsterdam, as an instant (a share is valid through that day). */
export function endOfAmsterdamDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  for (const offsetHours of [1, 2]) {
    const instant = Date.UTC(y, m - 1, d + 1) - offsetHours * 3_600_000 - 1;
    if (amsterdamToday(new Date(instant)) === date && amsterdamToday(new Date(instant + 1)) !== date)
      return new Date(instant).toISOString();
  }
  throw new Error(`no end of day for ${date}`);
}

/**
 * Shares a document with a named person (external e-mail address or colleague) for viewing or editing
 * until a date, through a SharePoint invitation; refused (422) above the case type's shareable
 * confidentiality. The share is recorded on the case; if that fails, the permission is removed again.
 */
export async function shareDocument(
  deps: ChangeCaseDeps &
    DocumentAccess & {
      caseTypes: Pick<CaseTypeRepository, 'getVersion'>;
      documents: Pick<DocumentStore, 'share' | 'revokeShare'>;
    },
  principal: UserPrincipal,
  request: {
    caseId: string;
    documentId: string;
    ifMatch: string | undefined;
    actor: GraphActor;
    email: string;
    access: 'view' | 'edit';
    expiresOn: string;
  },
  log: Logger,
): Promise<{ document: CaseDocument; shareId: string; etag: string }> {
  const { state, etag } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (request.ifMatch !== undefined && request.ifMatch !== etag) throw new ConcurrencyConflict(request.caseId, etag);
  if (state.status === 'closed') throw caseClosed(request.caseId);
  const document = state.documents?.find((d) => d.id === request.documentId);
  if (!document) throw documentNotFound(request.documentId);
  checkShareable(document, (await caseTypeOf(deps, state)).sharing?.maxConfidentiality);
  const today = amsterdamToday(deps.clock.now());
  if (request.expiresOn < today) throw shareExpiryInvalid(`The share cannot end before today (${today}).`);

  const email = request.email.toLowerCase();
  const permissionId = await deps.documents.share(request.actor, document.itemId, {
    email,
    role: request.access === 'edit' ? 'write' : 'read',
    expiresAt: endOfAmsterdamDay(request.expiresOn),
  });
  const by = personOf(principal);
  // Outside the organisation: another e-mail domain than the sharer's own sign-in name.
  const external = !principal.upn.toLowerCase().endsWith(`@${email.split('@')[1] ?? ''}`);
  try {
    const changed = await recordOnCase(deps, principal, request, log, (current, stamp) =>
      recordShare(
        current,
        document.id,
        {
          id: permissionId,
          email,
          access: request.access,
          expiresOn: request.expiresOn,
          external,
          createdBy: by,
          createdAt: stamp.occurredAt,
          revokedBy: null,
          revokedAt: null,
        },
        stamp,
      ),
    );
    const updated = changed.state.documents?.find((d) => d.id === document.id);
    if (!updated) throw documentNotFound(document.id);
    return { document: updated, shareId: permissionId, etag: changed.etag };
  } catch (error) {
    await deps.documents.revokeShare(request.actor, document.itemId, permissionId).catch((cleanup: unknown) =>
      log.error('a share could not be recorded nor removed from SharePoint', {
        caseId: request.caseId,
        permissionId,
        error: cleanup,
      }),
    );
    throw error;
  }
}
