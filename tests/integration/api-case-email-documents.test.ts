import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoTenant, passwordGrantToken } from '../../infra/local/src/m365';
import { startLocalApi, type LocalApi } from './support/local-api';

jest.setTimeout(180_000);

type Json = Record<string, unknown>;
type Document = Json & {
  id: string;
  fileName: string;
  source: string;
  emailDocumentId?: string;
  versions: { sha256: string }[];
  email?: { attachments: { name: string; documentId: string | null }[] };
};

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../functions/src/app/documents/email-fixtures', name));
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const { driveId } = demoTenant.sharePoint;

/** E-mails filed through the API on the local stack: the .eml and, on request, each attachment as a document. */
describe('e-mail as a case document', () => {
  let local: LocalApi;
  let caseId = '';
  let caseNumber = '';
  let graphToken = '';

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title: 'Aanbouw Kerkstraat 4', receivedOn: '2026-03-02', fields: {} },
    });
    expect(registered.status).toBe(201);
    const body = (await registered.json()) as Json;
    caseId = String(body.id);
    caseNumber = String(body.number);
    graphToken = await passwordGrantToken(local.m365, 'behandelaar', 'dev', 'Files.ReadWrite.All');
  });
  afterAll(() => local?.stop());

  const fileEmail = async (bytes: Buffer, query: Record<string, string>, contentType = 'message/rfc822') =>
    fetch(`${local.api}/cases/${caseId}/documents?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await local.tokenFor('behandelaar')}`, 'content-type': contentType },
      body: new Uint8Array(bytes),
    });
  const get = (path: string) => local.call('behandelaar', 'GET', path);
  const folderNames = async (): Promise<string[]> => {
    const response = await fetch(`${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/root:/${caseNumber}:/children`, {
      headers: { authorization: `Bearer ${graphToken}` },
    });
    if (response.status === 404) return [];
    return ((await response.json()) as { value: { name: string }[] }).value.map((item) => item.name).sort();
  };

  it('files an e-mail with two attachments as three linked documents and reads them back', async () => {
    const eml = fixture('multipart.eml');
    const response = await fileEmail(eml, { fileName: 'Aanvulling.eml', documentType: 'advies', fileAttachments: 'true' });
    expect(response.status).toBe(201);
    const email = (await response.json()) as Document;
    expect(email).toMatchObject({
      title: 'Aanvulling',
      source: 'email',
      mediaType: 'message/rfc822',
      versions: [{ sha256: sha256(eml) }],
      email: {
        subject: 'Aanvulling',
        from: [{ address: 'x@y.nl' }],
        to: [{ address: 'info@gemeente.nl' }],
        date: '2026-03-04T13:00:00.000Z',
        messageId: '<multi-2@y.nl>',
        attachments: [
          { name: 'tekening.pdf', mediaType: 'application/pdf', size: 29 },
          { name: 'toelichting.txt', mediaType: 'text/plain', size: 34 },
        ],
      },
    });
    const ids = email.email?.attachments.map((a) => a.documentId) ?? [];
    expect(ids.every((id) => typeof id === 'string')).toBe(true);

    const expected: [string, string][] = [
      ['tekening.pdf', '%PDF-1.4 aanvullende tekening'],
      ['toelichting.txt', 'De dakkapel wordt 2,5 meter breed.'],
    ];
    for (const [n, [name, content]] of expected.entries()) {
      const attachment = (await (await get(`/cases/${caseId}/documents/${String(ids[n])}`)).json()) as Document;
      expect(attachment).toMatchObject({ fileName: name, source: 'email-attachment', emailDocumentId: email.id });
      const file = await get(`/cases/${caseId}/documents/${attachment.id}/content`);
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).toString()).toBe(content);
      expect(attachment.versions[0]?.sha256).toBe(sha256(content));
    }
    const original = await get(`/cases/${caseId}/documents/${email.id}/content`);
    expect(Buffer.from(await original.arrayBuffer())).toEqual(eml);
    expect(await folderNames()).toEqual(['Aanvulling.eml', 'tekening.pdf', 'toelichting.txt']);

    const timeline = (await (await get(`/cases/${caseId}/timeline`)).json()) as { items: { type: string; summary: Json }[] };
    expect(timeline.items.map((e) => e.summary.nl)).toContain(
      'E-mail "Aanvulling" van x@y.nl opgeslagen door Sanne de Vries, met 2 bijlagen, elk als eigen document',
    );
  });

  it('files an .eml sent as source=email without attachments as one document', async () => {
    const response = await fileEmail(
      fixture('encoded-subject.eml'),
      { fileName: 'vraag.eml', documentType: 'advies', source: 'email' },
      'application/octet-stream',
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      title: 'Aanvulling – bijlage één',
      source: 'email',
      mediaType: 'message/rfc822',
      email: { from: [{ name: 'José Müller', address: 'jose@example.nl' }], attachments: [] },
    });
  });

  it('refuses a malformed e-mail and one with an executable attachment, leaving nothing behind', async () => {
    const before = { files: await folderNames(), events: (await local.caseStores().eventLog.allEvents(caseId)).length };
    const malformed = await fileEmail(Buffer.from('dit is geen e-mail'), { fileName: 'x.eml', documentType: 'advies' });
    expect(malformed.status).toBe(422);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(await malformed.json()).toMatchObject({
      code: 'email.malformed',
      errors: [{ path: 'body', code: 'email.from-missing' }],
    });

    const empty = await fileEmail(Buffer.alloc(0), { fileName: 'leeg.eml', documentType: 'advies' });
    expect(empty.status).toBe(400);
    const notAnEmail = await fileEmail(
      Buffer.from('%PDF-1.7'),
      { fileName: 'a.pdf', documentType: 'advies', fileAttachments: 'true' },
      'application/pdf',
    );
    expect(notAnEmail.status).toBe(400);
    expect(await notAnEmail.json()).toMatchObject({ errors: [{ path: 'query.fileAttachments', code: 'document.not-an-email' }] });

    const executable = await fileEmail(fixture('executable-attachment.eml'), {
      fileName: 'factuur.eml',
      documentType: 'advies',
      fileAttachments: 'true',
    });
    expect(executable.status).toBe(422);
    expect(await executable.json()).toMatchObject({
      code: 'email.attachments-not-fileable',
      errors: [{ path: 'body.attachments[1]', code: 'document.media-type-not-allowed' }],
    });
    expect(await folderNames()).toEqual(before.files);
    expect((await local.caseStores().eventLog.allEvents(caseId)).length).toBe(before.events);
  });

  it('leaves no file and no record when SharePoint fails while filing an attachment', async () => {
    const before = { files: await folderNames(), events: (await local.caseStores().eventLog.allEvents(caseId)).length };
    // The e-mail and its first attachment are stored; SharePoint keeps failing the second (`_con.pdf`).
    const folder = (await (
      await fetch(`${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/root:/${caseNumber}`, {
        headers: { authorization: `Bearer ${graphToken}` },
      })
    ).json()) as { id: string };
    await fetch(`${local.m365.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 503,
        retryAfterSeconds: 0,
        count: 50,
        pathPrefix: `/v1.0/drives/${driveId}/items/${folder.id}:/_con.pdf`,
      }),
    });
    try {
      const response = await fileEmail(fixture('hostile-names.eml'), {
        fileName: 'vreemd.eml',
        documentType: 'advies',
        fileAttachments: 'true',
      });
      expect(response.status).toBe(503);
    } finally {
      await fetch(`${local.m365.url}/_local/faults`, { method: 'DELETE' });
    }
    expect(await folderNames()).toEqual(before.files);
    expect((await local.caseStores().eventLog.allEvents(caseId)).length).toBe(before.events);
  });
});
