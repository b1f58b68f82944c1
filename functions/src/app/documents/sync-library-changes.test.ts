import { createHash } from 'node:crypto';
import type { CaseState } from '../../domain/cases';
import type { CaseDocument } from '../../domain/documents';
import type { JsonValue } from '../../domain/events';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import type { DocumentChangeFeed, LibraryChangePage } from '../../ports/document-changes';
import type { LibraryVersion } from '../../ports/document-store';
import { aCase } from '../../test-support/lifecycle-case';
import { librarySyncActor, syncLibraryChanges, type LibrarySyncDeps } from './sync-library-changes';
import { silentLog } from '../../test-support/principals';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const daan = { id: 'u-daan', name: 'Daan Bakker' };

const document = (id: string, itemId: string): CaseDocument => ({
  id,
  itemId,
  title: id,
  fileName: `${id}.docx`,
  originalName: `${id}.docx`,
  documentType: { key: 'advies', name: 'Advies' },
  confidentiality: 'intern',
  author: { id: 'u-1', name: 'Sanne de Vries' },
  source: 'upload',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 2,
  currentVersion: '1.0',
  versions: [
    {
      id: '1.0',
      sha256: sha256('v1'),
      size: 2,
      createdAt: '2026-03-03T10:00:00.000Z',
      createdBy: { id: 'u-1', name: 'Sanne de Vries' },
      restoredFrom: null,
    },
  ],
  webUrl: `https://sp/${id}.docx`,
  createdAt: '2026-03-03T10:00:00.000Z',
  updatedAt: '2026-03-03T10:00:00.000Z',
});

/**
 * One case (ZAAK-2026-000001) with two filed documents (item-a, item-b); a library whose delta pages,
 * columns and versions the test sets; a cursor in memory.
 */
function setup() {
  let stored: LoadedCase<CaseState> = {
    state: { ...aCase(), documents: [document('doc-a', 'item-a'), document('doc-b', 'item-b')] },
    etag: 'W/"1"',
    lastSequence: 1,
    lastHash: 'h1',
  };
  const commits: CaseCommit<JsonValue>[] = [];
  let etag = 1;
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>(caseId: string) =>
      Promise.resolve(caseId === 'case-1' ? (stored as unknown as LoadedCase<S>) : null),
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      if (commit.expected === 'new' || commit.expected.etag !== stored.etag)
        return Promise.reject(new ConcurrencyConflict(caseId, stored.etag));
      commits.push(commit);
      etag += 1;
      stored = { state: commit.state as unknown as CaseState, etag: `W/"${etag}"`, lastSequence: etag, lastHash: `h${etag}` };
      return Promise.resolve({
        etag: stored.etag,
        head: { sequence: etag, hash: stored.lastHash },
        outboxCount: 1,
        outboxMarker: null,
      });
    },
  };
  const pages = new Map<string, LibraryChangePage>();
  const fields = new Map<string, Record<string, unknown>>([
    ['item-a', { Zaaknummer: 'ZAAK-2026-000001' }],
    ['item-b', { Zaaknummer: 'ZAAK-2026-000001' }],
    ['item-elsewhere', { Zaaknummer: 'ZAAK-2026-999999' }],
    ['item-loose', {}],
  ]);
  const library = new Map<string, { version: LibraryVersion; bytes: string }[]>([
    ['item-a', [{ version: { id: '1.0', size: 2, modifiedAt: '2026-03-03T10:00:00.000Z', modifiedBy: null }, bytes: 'v1' }]],
    ['item-b', [{ version: { id: '1.0', size: 2, modifiedAt: '2026-03-03T10:00:00.000Z', modifiedBy: null }, bytes: 'v1' }]],
  ]);
  const fieldReads: string[] = [];
  const changes: DocumentChangeFeed = {
    page: (link) => {
      const page = pages.get(link ?? 'start');
      return page ? Promise.resolve(page) : Promise.resolve('resync');
    },
    fieldsOf: (itemId) => (fieldReads.push(itemId), Promise.resolve(fields.get(itemId) ?? null)),
  };
  let cursorLink: string | null = null;
  const deps: LibrarySyncDeps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(0) },
    clock: { now: () => new Date('2026-03-05T09:00:00.000Z') },
    documents: {
      versions: (_actor, itemId) => Promise.resolve([...(library.get(itemId) ?? [])].reverse().map((v) => v.version)),
      download: async (_actor, itemId, versionId) => {
        const found = library.get(itemId)?.find((v) => v.version.id === versionId);
        if (!found) throw new Error(`no version ${String(versionId)}`);
        return {
          body: (async function* () {
            yield Buffer.from(found.bytes);
          })(),
          size: found.bytes.length,
        };
      },
    },
    changes,
    cursor: { load: () => Promise.resolve(cursorLink), save: (link) => ((cursorLink = link), Promise.resolve()) },
    caseNumberIndex: { lookup: (number) => Promise.resolve(number === 'ZAAK-2026-000001' ? 'case-1' : null) },
  };
  const editInOffice = (itemId: string, id: string, bytes: string) =>
    library.get(itemId)?.push({
      version: { id, size: bytes.length, modifiedAt: '2026-03-04T16:00:00.000Z', modifiedBy: daan },
      bytes,
    });
  return {
    deps,
    commits,
    pages,
    fieldReads,
    editInOffice,
    cursor: () => cursorLink,
    setCursor: (link: string | null) => (cursorLink = link),
    state: () => stored.state,
  };
}

describe('syncing versions made in Office from the library delta', () => {
  it('maps a changed file to its case by the Zaaknummer column and records its new version once, as the system, naming the maker', async () => {
    const t = setup();
    t.editInOffice('item-a', '2.0', 'v2 door Daan');
    t.pages.set('start', {
      changes: [
        { itemId: 'folder-1', deleted: false, isFile: false },
        { itemId: 'item-a', deleted: false, isFile: true },
        { itemId: 'item-elsewhere', deleted: false, isFile: true },
        { itemId: 'item-loose', deleted: false, isFile: true },
        { itemId: 'item-gone', deleted: true, isFile: false },
      ],
      nextLink: null,
      deltaLink: 'delta-1',
    });
    const run = await syncLibraryChanges(t.deps, silentLog);
    expect(run).toEqual({ pages: 1, changedFiles: 3, cases: 1, recorded: 1, failed: 0 });
    expect(t.fieldReads.sort()).toEqual(['item-a', 'item-elsewhere', 'item-loose']);
    expect(t.cursor()).toBe('delta-1');
    expect(t.commits).toHaveLength(1);
    const [event] = t.commits[0]?.events ?? [];
    expect(event).toMatchObject({
      type: 'document.version-synced',
      actor: { id: librarySyncActor.id, kind: 'system' },
      data: { after: { document: { id: 'doc-a', version: '2.0', sha256: sha256('v2 door Daan'), createdBy: daan } } },
    });
    const recorded = t.state().documents?.find((d) => d.id === 'doc-a');
    expect(recorded?.versions.map((v) => v.id)).toEqual(['1.0', '2.0']);
    // The other document of the case was not in the delta and is left alone.
    expect(t.state().documents?.find((d) => d.id === 'doc-b')?.versions).toHaveLength(1);
  });

  it('records nothing new when the same delta page is replayed', async () => {
    const t = setup();
    t.editInOffice('item-a', '2.0', 'v2');
    const page: LibraryChangePage = {
      changes: [{ itemId: 'item-a', deleted: false, isFile: true }],
      nextLink: null,
      deltaLink: 'delta-1',
    };
    t.pages.set('start', page);
    t.pages.set('delta-1', { changes: [], nextLink: null, deltaLink: 'delta-1' });
    expect((await syncLibraryChanges(t.deps, silentLog)).recorded).toBe(1);
    expect((await syncLibraryChanges(t.deps, silentLog)).recorded).toBe(0);
    t.setCursor(null);
    expect(await syncLibraryChanges(t.deps, silentLog)).toMatchObject({ pages: 1, changedFiles: 1, recorded: 0 });
    expect(t.commits).toHaveLength(1);
  });

  it('follows nextLinks, saving the place after each page, and records versions from every page', async () => {
    const t = setup();
    t.editInOffice('item-a', '2.0', 'v2 a');
    t.editInOffice('item-b', '2.0', 'v2 b');
    t.editInOffice('item-b', '3.0', 'v3 b');
    t.pages.set('start', { changes: [{ itemId: 'item-a', deleted: false, isFile: true }], nextLink: 'page-2', deltaLink: null });
    t.pages.set('page-2', {
      changes: [{ itemId: 'item-b', deleted: false, isFile: true }],
      nextLink: null,
      deltaLink: 'delta-2',
    });
    expect(await syncLibraryChanges(t.deps, silentLog)).toMatchObject({ pages: 2, recorded: 3, failed: 0 });
    expect(t.cursor()).toBe('delta-2');
    expect(
      t
        .state()
        .documents?.find((d) => d.id === 'doc-b')
        ?.versions.map((v) => [v.id, v.sha256]),
    ).toEqual([
      ['1.0', sha256('v1')],
      ['2.0', sha256('v2 b')],
      ['3.0', sha256('v3 b')],
    ]);
  });

  it('keeps the cursor on a page whose case could not be synced, so the next run reads it again', async () => {
    const t = setup();
    t.editInOffice('item-a', '2.0', 'v2');
    t.pages.set('start', { changes: [{ itemId: 'item-a', deleted: false, isFile: true }], nextLink: null, deltaLink: 'delta-1' });
    const download = t.deps.documents.download;
    t.deps.documents.download = () => Promise.reject(new Error('SharePoint busy'));
    expect(await syncLibraryChanges(t.deps, silentLog)).toMatchObject({ recorded: 0, failed: 1 });
    expect(t.cursor()).toBeNull();
    t.deps.documents.download = download;
    expect(await syncLibraryChanges(t.deps, silentLog)).toMatchObject({ recorded: 1, failed: 0 });
    expect(t.cursor()).toBe('delta-1');
  });

  it('starts afresh when the library can no longer serve the stored link (410)', async () => {
    const t = setup();
    t.setCursor('expired');
    t.pages.set('start', { changes: [], nextLink: null, deltaLink: 'delta-new' });
    expect(await syncLibraryChanges(t.deps, silentLog)).toMatchObject({ pages: 1, recorded: 0 });
    expect(t.cursor()).toBe('delta-new');
  });
});
