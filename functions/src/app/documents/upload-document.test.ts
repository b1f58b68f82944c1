import { handlerAccess } from '../../test-support/access-guard';
import { createHash } from 'node:crypto';
import type { CaseState } from '../../domain/cases';
import type { JsonValue } from '../../domain/events';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import type { DocumentStore, FileUpload, StoredFile } from '../../ports/document-store';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { uploadDocument, type UploadDocumentDeps, type UploadDocumentRequest } from './upload-document';
import { sanne, silentLog } from '../../test-support/principals';

const pdf = 'application/pdf';

/** A library in memory that reads what it is given, as the Graph adapter does. */
function fakeLibrary() {
  const files = new Map<string, { name: string; bytes: Buffer; fields: Record<string, string> }>();
  let next = 1;
  const library: DocumentStore = {
    async upload(_actor, file: FileUpload): Promise<StoredFile> {
      const chunks: Buffer[] = [];
      for await (const chunk of file.content) chunks.push(Buffer.from(chunk));
      const itemId = `item-${next++}`;
      files.set(itemId, { name: file.fileName, bytes: Buffer.concat(chunks), fields: file.fields });
      return { itemId, name: file.fileName, webUrl: `https://sp/${file.folder}/${file.fileName}`, versionId: '1.0', size: 0 };
    },
    uploadVersion: () => Promise.reject(new Error('not used')),
    versions: () => Promise.resolve([]),
    download: () => Promise.reject(new Error('not used')),
    restoreVersion: () => Promise.reject(new Error('not used')),
    delete: (_actor, itemId) => (files.delete(itemId), Promise.resolve()),
    checkout: () => Promise.resolve(),
    checkin: () => Promise.resolve(),
    share: () => Promise.reject(new Error('not used')),
    revokeShare: () => Promise.reject(new Error('not used')),
  };
  return { library, files };
}

function setup(state: CaseState, commitFails?: Error) {
  let stored: LoadedCase<CaseState> = { state, etag: 'W/"1"', lastSequence: 1, lastHash: 'h1' };
  const commits: CaseCommit<JsonValue>[] = [];
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>() => Promise.resolve(stored as unknown as LoadedCase<S>),
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      if (commitFails) return Promise.reject(commitFails);
      if (commit.expected === 'new' || commit.expected.etag !== stored.etag)
        return Promise.reject(new ConcurrencyConflict(caseId, stored.etag));
      commits.push(commit);
      stored = { state: commit.state as unknown as CaseState, etag: 'W/"2"', lastSequence: 2, lastHash: 'h2' };
      return Promise.resolve({ etag: 'W/"2"', head: { sequence: 2, hash: 'h2' }, outboxCount: 1, outboxMarker: null });
    },
  };
  const { library, files } = fakeLibrary();
  const caseType = shippedOmgevingsvergunning();
  const deps: UploadDocumentDeps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(0) },
    clock: { now: () => new Date('2026-03-03T10:00:00.000Z') },
    caseTypes: { getVersion: () => Promise.resolve(caseType) },
    documents: library,
    maxUploadBytes: 100,
    access: handlerAccess(caseType.key),
  };
  return { deps, files, commits };
}

async function* bytesOf(...chunks: string[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield Buffer.from(chunk);
}

const request = (overrides: Partial<UploadDocumentRequest> = {}): UploadDocumentRequest => ({
  caseId: 'case-1',
  ifMatch: undefined,
  actor: { kind: 'user', assertion: 'token' },
  fileName: 'Aanvraag.pdf',
  documentType: 'aanvraag',
  mediaType: pdf,
  size: 10,
  content: bytesOf('%PDF-', '1.7 x'),
  ...overrides,
});

describe('uploading a document', () => {
  it('stores the file with its columns and records it with the SHA-256 of the bytes that passed through', async () => {
    const { deps, files, commits } = setup(aCase());
    const { document } = await uploadDocument(deps, sanne, request(), silentLog);
    expect(document.versions[0]?.sha256).toBe(createHash('sha256').update('%PDF-1.7 x').digest('hex'));
    expect([...files.values()][0]).toMatchObject({
      name: 'Aanvraag.pdf',
      fields: {
        Zaaknummer: 'ZAAK-2026-000001',
        Zaaktype: 'omgevingsvergunning',
        Documenttype: 'aanvraag',
        Vertrouwelijkheid: 'intern',
      },
    });
    expect(commits[0]?.events.map((e) => e.type)).toEqual(['document.added']);
  });

  it('removes the stored file again when the case cannot record it, and fails', async () => {
    const { deps, files } = setup(aCase(), new Error('table storage down'));
    await expect(uploadDocument(deps, sanne, request(), silentLog)).rejects.toThrow('table storage down');
    expect(files.size).toBe(0);
  });

  it('refuses a body shorter or longer than its Content-Length, and stores nothing', async () => {
    const { deps, files, commits } = setup(aCase());
    await expect(uploadDocument(deps, sanne, request({ size: 20 }), silentLog)).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    await expect(
      uploadDocument(deps, sanne, request({ size: 5, content: bytesOf('%PDF-1.7 x') }), silentLog),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(commits).toHaveLength(0);
    // The fake library kept what it received before the stream failed; the adapter cancels instead.
    expect([...files.values()].every((f) => f.bytes.length <= 20)).toBe(true);
  });

  it('refuses before any byte moves: too large (413), closed case (409), unknown type (400), wrong media type (415)', async () => {
    const open = setup(aCase());
    await expect(uploadDocument(open.deps, sanne, request({ size: 101 }), silentLog)).rejects.toMatchObject({
      code: 'document.too-large',
    });
    await expect(uploadDocument(open.deps, sanne, request({ documentType: 'nope' }), silentLog)).rejects.toMatchObject({
      code: 'request.invalid',
    });
    await expect(
      uploadDocument(open.deps, sanne, request({ mediaType: 'application/x-msdownload' }), silentLog),
    ).rejects.toMatchObject({ code: 'document.media-type-not-allowed' });
    const closed = setup(aCase({ status: 'closed' }));
    await expect(uploadDocument(closed.deps, sanne, request(), silentLog)).rejects.toMatchObject({ code: 'case.closed' });
    expect(open.files.size + closed.files.size).toBe(0);
  });

  it('refuses a stale If-Match with 412 before storing anything', async () => {
    const { deps, files } = setup(aCase());
    await expect(uploadDocument(deps, sanne, request({ ifMatch: 'W/"0"' }), silentLog)).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    expect(files.size).toBe(0);
  });
});
