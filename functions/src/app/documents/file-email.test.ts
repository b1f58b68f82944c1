import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseState } from '../../domain/cases';
import { renderTimelineEntry } from '../../domain/cases/timeline';
import type { CaseEvent, JsonValue } from '../../domain/events';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import type { DocumentStore, FileUpload, StoredFile } from '../../ports/document-store';
import { handlerAccess } from '../../test-support/access-guard';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { parseEmail } from './email-message';
import { fileEmail, type FileEmailRequest } from './file-email';
import type { UploadDocumentDeps } from './upload-document';
import { sanne, silentLog } from '../../test-support/principals';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'email-fixtures', name));
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A library in memory; `failOnUpload` makes the n-th upload (1-based) fail as SharePoint would. */
function fakeLibrary(failOnUpload?: number) {
  const files = new Map<string, { name: string; bytes: Buffer; fields: Record<string, string> }>();
  const deleted: string[] = [];
  let uploads = 0;
  const library: DocumentStore = {
    async upload(_actor, file: FileUpload): Promise<StoredFile> {
      uploads += 1;
      if (uploads === failOnUpload) throw new Error('SharePoint unavailable');
      const chunks: Buffer[] = [];
      for await (const chunk of file.content) chunks.push(Buffer.from(chunk));
      const itemId = `item-${uploads}`;
      files.set(itemId, { name: file.fileName, bytes: Buffer.concat(chunks), fields: file.fields });
      return { itemId, name: file.fileName, webUrl: `https://sp/${file.folder}/${file.fileName}`, versionId: '1.0', size: 0 };
    },
    uploadVersion: () => Promise.reject(new Error('not used')),
    versions: () => Promise.resolve([]),
    download: () => Promise.reject(new Error('not used')),
    restoreVersion: () => Promise.reject(new Error('not used')),
    delete: (_actor, itemId) => (deleted.push(itemId), files.delete(itemId), Promise.resolve()),
    checkout: () => Promise.resolve(),
    checkin: () => Promise.resolve(),
    share: () => Promise.reject(new Error('not used')),
    revokeShare: () => Promise.reject(new Error('not used')),
  };
  return { library, files, deleted };
}

function setup(options: { commitFails?: Error; failOnUpload?: number } = {}) {
  let stored: LoadedCase<CaseState> = { state: aCase(), etag: 'W/"1"', lastSequence: 1, lastHash: 'h1' };
  const commits: CaseCommit<JsonValue>[] = [];
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>() => Promise.resolve(stored as unknown as LoadedCase<S>),
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      if (options.commitFails) return Promise.reject(options.commitFails);
      if (commit.expected === 'new' || commit.expected.etag !== stored.etag)
        return Promise.reject(new ConcurrencyConflict(caseId, stored.etag));
      commits.push(commit);
      stored = { state: commit.state as unknown as CaseState, etag: 'W/"2"', lastSequence: 2, lastHash: 'h2' };
      return Promise.resolve({ etag: 'W/"2"', head: { sequence: 2, hash: 'h2' }, outboxCount: 1, outboxMarker: null });
    },
  };
  const { library, files, deleted } = fakeLibrary(options.failOnUpload);
  const caseType = shippedOmgevingsvergunning();
  const deps: UploadDocumentDeps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(0) },
    clock: { now: () => new Date('2026-03-04T15:00:00.000Z') },
    caseTypes: { getVersion: () => Promise.resolve(caseType) },
    documents: library,
    maxUploadBytes: 10_000,
    access: handlerAccess(caseType.key),
  };
  return { deps, files, deleted, commits };
}

async function* bytesOf(bytes: Buffer): AsyncGenerator<Uint8Array> {
  // Two chunks, as a network body would arrive.
  yield bytes.subarray(0, 10);
  yield bytes.subarray(10);
}

const request = (eml: Buffer, overrides: Partial<FileEmailRequest> = {}): FileEmailRequest => ({
  caseId: 'case-1',
  ifMatch: undefined,
  actor: { kind: 'user', assertion: 'token' },
  fileName: 'Aanvulling.eml',
  documentType: 'advies',
  mediaType: 'message/rfc822',
  size: eml.length,
  content: bytesOf(eml),
  fileAttachments: false,
  ...overrides,
});

const timelineOf = (commit: CaseCommit<JsonValue> | undefined) =>
  (commit?.events ?? []).map((event, n) => renderTimelineEntry({ ...event, sequence: n + 2 } as unknown as CaseEvent).summary);

describe('parsing an e-mail', () => {
  it('reads subject, from, to, cc, date and Message-ID of a plain message', async () => {
    const { summary, attachments } = await parseEmail(fixture('plain.eml'));
    expect(summary).toEqual({
      subject: 'Vraag over de aanvraag',
      from: [{ name: 'Jan Jansen', address: 'jan@example.nl' }],
      to: [{ name: 'Gemeente', address: 'info@gemeente.nl' }],
      cc: [
        { name: 'Piet', address: 'piet@example.nl' },
        { name: '', address: 'klaas@example.nl' },
      ],
      date: '2026-03-03T08:15:00.000Z',
      messageId: '<plain-1@example.nl>',
    });
    expect(attachments).toEqual([]);
  });

  it('decodes an encoded-word subject and sender name', async () => {
    const { summary } = await parseEmail(fixture('encoded-subject.eml'));
    expect(summary.subject).toBe('Aanvulling – bijlage één');
    expect(summary.from).toEqual([{ name: 'José Müller', address: 'jose@example.nl' }]);
  });

  it('gives null for a missing subject and date', async () => {
    const { summary } = await parseEmail(fixture('no-subject.eml'));
    expect(summary).toMatchObject({ subject: null, date: null, messageId: '<nosubject-4@example.nl>' });
  });

  it('lists the attachments of a multipart message with their bytes', async () => {
    const { attachments } = await parseEmail(fixture('multipart.eml'));
    expect(attachments.map((a) => [a.name, a.mediaType, a.content.toString()])).toEqual([
      ['tekening.pdf', 'application/pdf', '%PDF-1.4 aanvullende tekening'],
      ['toelichting.txt', 'text/plain', 'De dakkapel wordt 2,5 meter breed.'],
    ]);
  });

  it('refuses what is not an e-mail (no From address) with 422 email.malformed', async () => {
    for (const text of ['hello world', 'Subject: x\r\n\r\nbody', '\u0000\u0001\u00ff']) {
      await expect(parseEmail(Buffer.from(text))).rejects.toMatchObject({
        kind: 'rule-violation',
        code: 'email.malformed',
        options: { errors: [expect.objectContaining({ path: 'body', code: 'email.from-missing' })] },
      });
    }
  });
});

describe('filing an e-mail', () => {
  it('files the .eml as a document of source email with what the message says, and renders it on the timeline', async () => {
    const eml = fixture('multipart.eml');
    const { deps, files, commits } = setup();
    const { document, attachments } = await fileEmail(deps, sanne, request(eml), silentLog);
    expect(document).toMatchObject({
      title: 'Aanvulling',
      fileName: 'Aanvulling.eml',
      source: 'email',
      mediaType: 'message/rfc822',
      size: eml.length,
      versions: [{ sha256: sha256(eml), size: eml.length }],
      email: {
        subject: 'Aanvulling',
        from: [{ name: '', address: 'x@y.nl' }],
        to: [{ name: '', address: 'info@gemeente.nl' }],
        cc: [],
        date: '2026-03-04T13:00:00.000Z',
        messageId: '<multi-2@y.nl>',
        attachments: [
          { name: 'tekening.pdf', mediaType: 'application/pdf', size: 29, documentId: null },
          { name: 'toelichting.txt', mediaType: 'text/plain', size: 34, documentId: null },
        ],
      },
    });
    expect(attachments).toEqual([]);
    expect([...files.values()].map((f) => f.bytes)).toEqual([eml]);
    expect(timelineOf(commits[0])).toEqual([
      {
        nl: 'E-mail "Aanvulling" van x@y.nl opgeslagen door Sanne de Vries, met 2 bijlagen',
        en: 'E-mail "Aanvulling" from x@y.nl filed by Sanne de Vries, with 2 attachments',
      },
    ]);
  });

  it('files each attachment as its own document, linked to the e-mail, in one commit', async () => {
    const eml = fixture('multipart.eml');
    const { deps, files, commits } = setup();
    const { document, attachments } = await fileEmail(
      deps,
      sanne,
      request(eml, { fileAttachments: true, attachmentDocumentType: 'tekening' }),
      silentLog,
    );
    expect(attachments.map((a) => [a.fileName, a.source, a.documentType.key, a.emailDocumentId, a.versions[0]?.sha256])).toEqual([
      ['tekening.pdf', 'email-attachment', 'tekening', document.id, sha256('%PDF-1.4 aanvullende tekening')],
      ['toelichting.txt', 'email-attachment', 'tekening', document.id, sha256('De dakkapel wordt 2,5 meter breed.')],
    ]);
    expect(document.email?.attachments.map((a) => a.documentId)).toEqual(attachments.map((a) => a.id));
    expect([...files.values()].map((f) => [f.name, f.fields.Documenttype])).toEqual([
      ['Aanvulling.eml', 'advies'],
      ['tekening.pdf', 'tekening'],
      ['toelichting.txt', 'tekening'],
    ]);
    expect(commits).toHaveLength(1);
    expect(commits[0]?.events.map((e) => e.type)).toEqual(['document.added', 'document.added', 'document.added']);
    expect(timelineOf(commits[0])).toEqual([
      {
        nl: 'E-mail "Aanvulling" van x@y.nl opgeslagen door Sanne de Vries, met 2 bijlagen, elk als eigen document',
        en: 'E-mail "Aanvulling" from x@y.nl filed by Sanne de Vries, with 2 attachments, each filed as a document',
      },
      expect.objectContaining({ nl: expect.stringContaining('bijlage "tekening" van een e-mail als document toegevoegd') }),
      expect.objectContaining({ en: expect.stringContaining('added attachment "toelichting" of an e-mail as a document') }),
    ]);
  });

  it('leaves images shown inline in the body (a signature logo) in the e-mail and files the real attachment', async () => {
    const { deps, files, commits } = setup();
    const { document, attachments } = await fileEmail(
      deps,
      sanne,
      request(fixture('inline-image.eml'), { fileAttachments: true }),
      silentLog,
    );
    expect(attachments.map((a) => a.fileName)).toEqual(['offerte.pdf']);
    expect(document.email?.attachments).toEqual([
      { name: 'logo.png', mediaType: 'image/png', size: 12, documentId: null, inline: true },
      { name: 'offerte.pdf', mediaType: 'application/pdf', size: 29, documentId: attachments[0]?.id },
    ]);
    expect([...files.values()].map((f) => f.name)).toEqual(['Aanvulling.eml', 'offerte.pdf']);
    expect(timelineOf(commits[0])[0]?.nl).toBe(
      'E-mail "Offerte" van info@devries-bouw.nl opgeslagen door Sanne de Vries, met 1 bijlage, als eigen document',
    );
  });

  it('does not count an image shown in the body as an attachment on the timeline, filed or not', async () => {
    const { deps, commits } = setup();
    const { document } = await fileEmail(deps, sanne, request(fixture('inline-image.eml')), silentLog);
    expect(document.email?.attachments.map((a) => [a.name, a.inline ?? false])).toEqual([
      ['logo.png', true],
      ['offerte.pdf', false],
    ]);
    expect(timelineOf(commits[0])[0]).toEqual({
      nl: 'E-mail "Offerte" van info@devries-bouw.nl opgeslagen door Sanne de Vries, met 1 bijlage',
      en: 'E-mail "Offerte" from info@devries-bouw.nl filed by Sanne de Vries, with 1 attachment',
    });
  });

  it('names a message without subject by its file name and says so on the timeline', async () => {
    const { deps, commits } = setup();
    const { document } = await fileEmail(deps, sanne, request(fixture('no-subject.eml'), { fileName: 'bericht.eml' }), silentLog);
    expect(document.title).toBe('bericht');
    expect(timelineOf(commits[0])[0]).toEqual({
      nl: 'E-mail (zonder onderwerp) van anoniem@example.nl opgeslagen door Sanne de Vries, zonder bijlagen',
      en: 'E-mail (no subject) from anoniem@example.nl filed by Sanne de Vries, without attachments',
    });
  });

  it('sanitises hostile attachment names and keeps the originals', async () => {
    const { deps, files } = setup();
    const { attachments } = await fileEmail(
      deps,
      sanne,
      request(fixture('hostile-names.eml'), { fileAttachments: true }),
      silentLog,
    );
    expect(attachments.map((a) => [a.fileName, a.originalName])).toEqual([
      ['etc_passwd.txt', '../../etc/passwd'],
      ['_con.pdf', 'con.pdf'],
    ]);
    expect([...files.values()].map((f) => f.name)).toEqual(['Aanvulling.eml', 'etc_passwd.txt', '_con.pdf']);
  });

  it('refuses an e-mail whose attachment may not be filed, listing it, before anything is stored', async () => {
    const { deps, files, commits } = setup();
    await expect(
      fileEmail(deps, sanne, request(fixture('executable-attachment.eml'), { fileAttachments: true }), silentLog),
    ).rejects.toMatchObject({
      kind: 'rule-violation',
      code: 'email.attachments-not-fileable',
      options: { errors: [expect.objectContaining({ path: 'body.attachments[1]', code: 'document.media-type-not-allowed' })] },
    });
    expect(files.size).toBe(0);
    expect(commits).toHaveLength(0);
  });

  it('removes everything it stored when the upload of an attachment fails', async () => {
    const { deps, files, deleted, commits } = setup({ failOnUpload: 3 });
    await expect(fileEmail(deps, sanne, request(fixture('multipart.eml'), { fileAttachments: true }), silentLog)).rejects.toThrow(
      'SharePoint unavailable',
    );
    expect(deleted).toEqual(['item-1', 'item-2']);
    expect(files.size).toBe(0);
    expect(commits).toHaveLength(0);
  });

  it('removes every stored file when the case cannot record them', async () => {
    const { deps, files } = setup({ commitFails: new Error('table storage down') });
    await expect(fileEmail(deps, sanne, request(fixture('multipart.eml'), { fileAttachments: true }), silentLog)).rejects.toThrow(
      'table storage down',
    );
    expect(files.size).toBe(0);
  });

  it('refuses a file that is not an e-mail with 422, storing nothing', async () => {
    const { deps, files } = setup();
    const text = Buffer.from('dit is geen e-mail');
    await expect(fileEmail(deps, sanne, request(text), silentLog)).rejects.toMatchObject({ code: 'email.malformed' });
    expect(files.size).toBe(0);
  });
});
