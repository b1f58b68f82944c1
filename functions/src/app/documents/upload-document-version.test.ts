import { createHash } from 'node:crypto';
import type { CaseState } from '../../domain/cases';
import type { CaseDocument } from '../../domain/documents';
import type { JsonValue } from '../../domain/events';
import type { CaseCommit, CaseStore, LoadedCase } from '../../ports/case-store';
import { handlerAccess } from '../../test-support/access-guard';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { uploadDocumentVersion } from './upload-document-version';
import { sanne, silentLog } from '../../test-support/principals';

const pdf = 'application/pdf';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const version = (id: string, bytes: string, by = { id: 'u-1', name: 'Sanne de Vries' }) => ({
  id,
  sha256: sha256(bytes),
  size: bytes.length,
  createdAt: '2026-03-03T10:00:00.000Z',
  createdBy: by,
  restoredFrom: null,
});

function setup(versions: CaseDocument['versions']) {
  const document: CaseDocument = {
    id: 'doc-1',
    itemId: 'item-1',
    title: 'advies',
    fileName: 'advies.pdf',
    originalName: 'advies.pdf',
    documentType: { key: 'advies', name: 'Advies' },
    confidentiality: 'intern',
    author: { id: 'u-1', name: 'Sanne de Vries' },
    source: 'upload',
    mediaType: pdf,
    size: 2,
    currentVersion: versions[versions.length - 1]?.id ?? '1.0',
    versions,
    webUrl: 'https://sp/advies.pdf',
    createdAt: '2026-03-03T10:00:00.000Z',
    updatedAt: '2026-03-03T10:00:00.000Z',
  };
  const stored: LoadedCase<CaseState> = {
    state: { ...aCase(), documents: [document] },
    etag: 'W/"1"',
    lastSequence: 1,
    lastHash: 'h1',
  };
  const commits: CaseCommit<JsonValue>[] = [];
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>() => Promise.resolve(stored as unknown as LoadedCase<S>),
    commit: <S extends JsonValue>(_caseId: string, commit: CaseCommit<S>) => {
      commits.push(commit);
      return Promise.resolve({ etag: 'W/"2"', head: { sequence: 2, hash: 'h2' }, outboxCount: 1, outboxMarker: null });
    },
  };
  const caseType = shippedOmgevingsvergunning();
  const deps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(0) },
    clock: { now: () => new Date('2026-03-04T10:00:00.000Z') },
    caseTypes: { getVersion: () => Promise.resolve(caseType) },
    documents: {
      uploadVersion: async (_actor: unknown, itemId: string, file: { content: AsyncIterable<Uint8Array> }) => {
        for await (const chunk of file.content) void chunk;
        return { itemId, name: 'advies.pdf', webUrl: 'https://sp/advies.pdf', versionId: '2.0', size: 4 };
      },
    },
    maxUploadBytes: 1000,
    access: handlerAccess(caseType.key),
  };
  return { deps, commits };
}

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}
const request = {
  caseId: 'case-1',
  documentId: 'doc-1',
  ifMatch: undefined,
  actor: { kind: 'user' as const, assertion: 'token' },
  mediaType: pdf,
  size: 4,
};

describe('uploading a new version', () => {
  it('records the version SharePoint made, with the hash of the bytes sent', async () => {
    const { deps, commits } = setup([version('1.0', 'v1')]);
    const { document } = await uploadDocumentVersion(deps, sanne, { ...request, content: bytesOf('v2!!') }, silentLog);
    expect(document.versions.map((v) => [v.id, v.sha256])).toEqual([
      ['1.0', sha256('v1')],
      ['2.0', sha256('v2!!')],
    ]);
    expect(commits[0]?.events.map((e) => e.type)).toEqual(['document.version-added']);
  });

  it('does not record it twice when the library sync recorded that version in the meantime', async () => {
    const { deps, commits } = setup([version('1.0', 'v1'), version('2.0', 'v2!!')]);
    const { document } = await uploadDocumentVersion(deps, sanne, { ...request, content: bytesOf('v2!!') }, silentLog);
    expect(document.versions.map((v) => v.id)).toEqual(['1.0', '2.0']);
    expect(commits).toHaveLength(0);
  });
});
