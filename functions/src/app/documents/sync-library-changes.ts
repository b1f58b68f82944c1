import type { CaseState } from '../../domain/cases';
import type { CaseNumberIndex } from '../../ports/case-numbers';
import type { DocumentChangeFeed, DocumentSyncCursor } from '../../ports/document-changes';
import type { DocumentStore } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import type { ChangeCaseDeps } from '../cases/change-case';
import type { SystemPrincipal } from '../cases/event-actor';
import { documentColumns } from './upload-document';
import { recordLibraryVersions } from './sync-document-versions';

/** The actor of versions the library sync records (the maker of each version is named in the event). */
export const librarySyncActor: SystemPrincipal = {
  kind: 'system',
  id: 'zaakwerk-document-sync',
  name: 'Zaakwerk documentsynchronisatie',
};

/** Pages read per run at most; the cursor keeps the place, the next run goes on from there. */
export const maxPagesPerRun = 20;

export type LibrarySyncDeps = ChangeCaseDeps & {
  documents: Pick<DocumentStore, 'versions' | 'download'>;
  changes: DocumentChangeFeed;
  cursor: DocumentSyncCursor;
  caseNumberIndex: Pick<CaseNumberIndex, 'lookup'>;
};

export interface LibrarySyncRun {
  pages: number;
  changedFiles: number;
  cases: number;
  recorded: number;
  failed: number;
}

/**
 * Records versions made in Office (issue 7 item 4) from the library's delta: page by page, the changed
 * files are mapped to their case by the `Zaaknummer` column and the case number index, and each case's
 * recorded documents among them are synced (`recordLibraryVersions`: unknown SharePoint versions read
 * back, hashed, recorded with who made them). The cursor moves on only after a page is done, so a failed
 * run replays that page; a replay records nothing new, because a version already on the case is skipped.
 * Files not filed through Zaakwerk, deleted files and folders are passed over.
 */
export async function syncLibraryChanges(deps: LibrarySyncDeps, log: Logger): Promise<LibrarySyncRun> {
  const run: LibrarySyncRun = { pages: 0, changedFiles: 0, cases: 0, recorded: 0, failed: 0 };
  let link = await deps.cursor.load();
  while (run.pages < maxPagesPerRun) {
    const page = await deps.changes.page(link);
    if (page === 'resync') {
      log.warn('the library can no longer serve the stored delta link; enumerating it afresh');
      link = null;
      await deps.cursor.save(null);
      continue;
    }
    run.pages += 1;
    const files = [...new Set(page.changes.filter((c) => c.isFile && !c.deleted).map((c) => c.itemId))];
    run.changedFiles += files.length;
    const byCase = new Map<string, Set<string>>();
    for (const itemId of files) {
      const fields = await deps.changes.fieldsOf(itemId);
      const number = fields?.[documentColumns.caseNumber];
      if (typeof number !== 'string' || number === '') continue;
      const caseId = await deps.caseNumberIndex.lookup(number);
      if (!caseId) continue;
      byCase.set(caseId, (byCase.get(caseId) ?? new Set()).add(itemId));
    }
    let pageFailed = false;
    for (const [caseId, itemIds] of byCase) {
      try {
        const loaded = await deps.caseStore.load<CaseState>(caseId);
        if (!loaded) continue;
        run.cases += 1;
        const { recorded } = await recordLibraryVersions(
          deps,
          librarySyncActor,
          { caseId, actor: { kind: 'app' }, state: loaded.state, etag: loaded.etag, itemIds },
          log,
        );
        run.recorded += recorded;
      } catch (error) {
        run.failed += 1;
        pageFailed = true;
        log.error('syncing versions of a case failed; the page is read again next run', { caseId, error });
      }
    }
    // A page with a failed case is not passed: the next run reads it again (what was recorded is skipped).
    if (pageFailed) break;
    const next = page.nextLink ?? page.deltaLink;
    if (next) {
      link = next;
      await deps.cursor.save(next);
    }
    if (!page.nextLink) break;
  }
  return run;
}
