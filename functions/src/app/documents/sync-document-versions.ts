import type { CaseState, Transition } from '../../domain/cases';
import {
  checkRecordRoom,
  recordSyncedVersion,
  versionRecordChars,
  type CaseDocument,
  type DocumentVersion,
} from '../../domain/documents';
import { DomainError } from '../../domain/errors';
import type { UserPrincipal } from '../../domain/principal';
import type { DocumentStore, GraphActor } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import type { ChangeCaseDeps } from '../cases/change-case';
import type { SystemPrincipal } from '../cases/event-actor';
import { loadCaseForDocuments, type DocumentAccess } from './load-case-for-documents';
import { sha256Of } from './measured-content';
import { recordOnCase } from './record-on-case';

/** At most this many new versions per run, so one commit stays well inside a Table transaction (100 rows). */
export const maxVersionsPerSync = 50;

/**
 * Records versions made in SharePoint itself (Office for the web or desktop, co-authoring) that the case
 * does not know yet: each is read back and hashed, and recorded as `document.version-synced` naming who
 * made it in SharePoint. Running it again records nothing new. Closed cases are left as they are.
 */
export async function syncDocumentVersions(
  deps: ChangeCaseDeps & DocumentAccess & { documents: Pick<DocumentStore, 'versions' | 'download'> },
  principal: UserPrincipal,
  request: { caseId: string; actor: GraphActor },
  log: Logger,
): Promise<{ documents: CaseDocument[]; recorded: number; etag: string }> {
  const loaded = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  return recordLibraryVersions(deps, principal, { ...request, ...loaded }, log);
}

/**
 * The sync itself, for a case already loaded (and authorised) by the caller: the user's request above,
 * or the library sync timer acting as the system for the files the library's delta named (`itemIds`).
 */
export async function recordLibraryVersions(
  deps: ChangeCaseDeps & { documents: Pick<DocumentStore, 'versions' | 'download'> },
  principal: UserPrincipal | SystemPrincipal,
  request: { caseId: string; actor: GraphActor; state: CaseState; etag: string; itemIds?: ReadonlySet<string> },
  log: Logger,
): Promise<{ documents: CaseDocument[]; recorded: number; etag: string }> {
  const { state, etag, itemIds } = request;
  const documents = state.documents ?? [];
  if (state.status === 'closed') return { documents, recorded: 0, etag };

  const found: { documentId: string; version: DocumentVersion }[] = [];
  for (const document of documents.filter((d) => !itemIds || itemIds.has(d.itemId))) {
    if (found.length >= maxVersionsPerSync) break;
    const known = new Set(document.versions.map((v) => v.id));
    let library;
    try {
      library = await deps.documents.versions(request.actor, document.itemId);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') {
        log.warn('a recorded document is no longer in the library', { caseId: request.caseId, documentId: document.id });
        continue;
      }
      throw error;
    }
    // Newest first from SharePoint; record oldest first so the current version ends up last.
    for (const version of library.filter((v) => !known.has(v.id)).reverse()) {
      if (found.length >= maxVersionsPerSync) break;
      const { sha256, size } = await sha256Of((await deps.documents.download(request.actor, document.itemId, version.id)).body);
      found.push({
        documentId: document.id,
        version: {
          id: version.id,
          sha256,
          size,
          createdAt: version.modifiedAt,
          createdBy: version.modifiedBy ?? { id: '', name: 'SharePoint' },
          restoredFrom: null,
        },
      });
    }
  }
  if (found.length === 0) return { documents, recorded: 0, etag };

  let recorded = 0;
  const changed = await recordOnCase(deps, principal, { caseId: request.caseId, ifMatch: undefined }, log, (current, stamp) => {
    checkRecordRoom(current, versionRecordChars * found.length);
    let transition: Transition = { state: current, events: [] };
    recorded = 0;
    for (const { documentId, version } of found) {
      const document = transition.state.documents?.find((d) => d.id === documentId);
      // A parallel sync may have recorded it meanwhile.
      if (!document || document.versions.some((v) => v.id === version.id)) continue;
      const next = recordSyncedVersion(transition.state, documentId, version, stamp);
      transition = { state: next.state, events: [...transition.events, ...next.events] };
      recorded += 1;
    }
    return transition.events.length > 0 ? transition : null;
  });
  return { documents: changed.state.documents ?? [], recorded, etag: changed.etag };
}
