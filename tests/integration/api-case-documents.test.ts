import { createHash, randomBytes } from 'node:crypto';
import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { demoTenant, passwordGrantToken } from '../../infra/local/src/m365';
import { startLocalApi, type LocalApi } from './support/local-api';

jest.setTimeout(180_000);

type Json = Record<string, unknown>;
type Version = { id: string; sha256: string; size: number; restoredFrom: string | null };
type Document = Json & { id: string; fileName: string; originalName: string; currentVersion: string; versions: Version[] };

const mib = 1024 * 1024;
const maxBytes = 6 * mib;
const pdf = 'application/pdf';
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const { driveId } = demoTenant.sharePoint;

/** An instant as the timeline writes it in Dutch: "4 maart 2026 om 17:00" (Europe/Amsterdam). */
const dutchMoment = (iso: string): string => {
  const zone = { timeZone: 'Europe/Amsterdam' } as const;
  const day = new Intl.DateTimeFormat('nl-NL', { ...zone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
  const time = new Intl.DateTimeFormat('nl-NL', { ...zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
  return `${day} om ${time}`;
};

/**
 * Case documents through the API on the local stack: the API files them in the local SharePoint on
 * behalf of the user, keeps a hashed record per version on the case and shows them on the timeline.
 */
describe('case documents through the API', () => {
  let local: LocalApi;
  let caseId = '';
  let caseNumber = '';
  let graphToken = '';

  beforeAll(async () => {
    local = await startLocalApi({
      // The drawing type accepts only PDF and PNG (a per-type allow-list); a decision must be checked out to change.
      shippedCaseTypes: (files) =>
        files.map((file) => ({
          ...file,
          text: file.text
            .replace(
              '{ key: tekening, name: Bouwtekening, confidentiality: intern }',
              '{ key: tekening, name: Bouwtekening, confidentiality: intern, mediaTypes: [application/pdf, image/png] }',
            )
            .replace(
              '{ key: besluit, name: Besluit, confidentiality: openbaar, template: besluit-omgevingsvergunning.docx }',
              '{ key: besluit, name: Besluit, confidentiality: openbaar, template: besluit-omgevingsvergunning.docx, requiresCheckout: true }',
            ),
        })),
      settings: { ZAAKWERK_DOCUMENT_MAX_BYTES: String(maxBytes) },
    });
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title: 'Dakkapel Dorpsstraat 1', receivedOn: '2026-03-02', fields: {} },
    });
    expect(registered.status).toBe(201);
    const body = (await registered.json()) as Json;
    caseId = String(body.id);
    caseNumber = String(body.number);
    graphToken = await passwordGrantToken(local.m365, 'behandelaar', 'dev', 'Files.ReadWrite.All');
  });
  afterAll(() => local?.stop());
  afterEach(async () => {
    await fetch(`${local.m365.url}/_local/faults`, { method: 'DELETE' });
  });

  const upload = async (
    bytes: Buffer,
    query: Record<string, string>,
    contentType: string,
    path = `/cases/${caseId}/documents`,
    login: 'behandelaar' | 'behandelaar2' = 'behandelaar',
  ): Promise<Response> =>
    fetch(`${local.api}${path}?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await local.tokenFor(login)}`, 'content-type': contentType },
      body: new Uint8Array(bytes),
    });
  const get = (path: string) => local.call('behandelaar', 'GET', path);
  const documents = async () => ((await (await get(`/cases/${caseId}/documents`)).json()) as { items: Document[] }).items;
  const eventCount = async () => (await local.caseStores().eventLog.allEvents(caseId)).length;
  const graph = async (path: string) =>
    fetch(`${local.m365.graphBaseUrl}/v1.0/drives/${driveId}${path}`, { headers: { authorization: `Bearer ${graphToken}` } });
  const folderNames = async (): Promise<string[]> => {
    const response = await graph(`/root:/${caseNumber}:/children`);
    if (response.status === 404) return [];
    return ((await response.json()) as { value: { name: string }[] }).value.map((item) => item.name).sort();
  };
  const injectFault = async (fault: Json) => {
    const response = await fetch(`${local.m365.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    expect(response.status).toBe(201);
  };
  const download = async (path: string) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    return { bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  };
  const digestOf = (hex: string) => `sha-256=:${Buffer.from(hex, 'hex').toString('base64')}:`;

  it('files a small document in the case folder with its columns, records its SHA-256 and shows it on the timeline', async () => {
    const bytes = Buffer.from('%PDF-1.7 aanvraag dakkapel');
    const response = await upload(bytes, { fileName: 'Aanvraag.pdf', documentType: 'aanvraag' }, pdf);
    expect(response.status).toBe(201);
    const document = (await response.json()) as Document;
    expect(document).toMatchObject({
      title: 'Aanvraag',
      fileName: 'Aanvraag.pdf',
      originalName: 'Aanvraag.pdf',
      documentType: { key: 'aanvraag', name: 'Aanvraagformulier' },
      confidentiality: 'intern',
      author: { name: 'Sanne de Vries' },
      source: 'upload',
      mediaType: pdf,
      size: bytes.length,
      currentVersion: '1.0',
      versions: [{ id: '1.0', sha256: sha256(bytes), size: bytes.length, restoredFrom: null }],
    });
    expect(response.headers.get('location')).toBe(`/api/v1/cases/${caseId}/documents/${document.id}`);
    expect(String(document.webUrl)).toContain(`/${caseNumber}/Aanvraag.pdf`);

    expect(await folderNames()).toEqual(['Aanvraag.pdf']);
    const listItem = (await (await graph(`/root:/${caseNumber}/Aanvraag.pdf:/listItem?$expand=fields`)).json()) as {
      fields: Json;
    };
    expect(listItem.fields).toMatchObject({
      Zaaknummer: caseNumber,
      Zaaktype: 'omgevingsvergunning',
      Documenttype: 'aanvraag',
      Vertrouwelijkheid: 'intern',
    });

    expect((await documents()).map((d) => d.id)).toContain(document.id);
    const file = await download(`/cases/${caseId}/documents/${document.id}/content`);
    expect(file.bytes).toEqual(bytes);
    expect(file.headers.get('repr-digest')).toBe(digestOf(sha256(bytes)));
    expect(file.headers.get('content-type')).toBe(pdf);

    // The download is a read of the file: the access log names the document and version (inzageregistratie).
    const log = (await (await local.call('archivaris', 'GET', `/cases/${caseId}/access-log`)).json()) as { items: Json[] };
    expect(log.items).toContainEqual(
      expect.objectContaining({
        purpose: `document:${String(document.id)}:1.0`,
        user: expect.objectContaining({ name: 'Sanne de Vries' }),
      }),
    );

    const timeline = (await (await get(`/cases/${caseId}/timeline`)).json()) as { items: Json[] };
    expect(timeline.items[0]).toMatchObject({
      type: 'document.added',
      summary: {
        nl: `Sanne de Vries heeft document "Aanvraag" toegevoegd, versie 1.0 (SHA-256 ${sha256(bytes).slice(0, 12)}…)`,
        en: `Sanne de Vries added document "Aanvraag", version 1.0 (SHA-256 ${sha256(bytes).slice(0, 12)}…)`,
      },
    });
  });

  it('uploads a large file through an upload session, waiting out a 429 on the second fragment', async () => {
    const bytes = randomBytes(5 * mib + 123);
    await injectFault({ status: 429, retryAfterSeconds: 1, count: 1, skip: 1, pathPrefix: '/_api/v2.0/uploadSession' });
    const started = Date.now();
    const response = await upload(bytes, { fileName: 'Bouwtekening groot.pdf', documentType: 'tekening' }, pdf);
    expect(response.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const faults = (await (await fetch(`${local.m365.url}/_local/faults`)).json()) as { faults: unknown[] };
    expect(faults.faults).toEqual([]);
    const document = (await response.json()) as Document;
    expect(document.versions[0]).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    const file = await download(`/cases/${caseId}/documents/${document.id}/content`);
    expect(sha256(file.bytes)).toBe(sha256(bytes));
  });

  it('sanitises hostile names and keeps the original name', async () => {
    const cases: [string, string, string, string][] = [
      ['../../etc/passwd', 'text/plain', 'advies', 'etc_passwd.txt'],
      ['con.docx', docx, 'advies', '_con.docx'],
      [`${'x'.repeat(300)}.pdf`, pdf, 'advies', `${'x'.repeat(124)}.pdf`],
    ];
    for (const [fileName, type, documentType, stored] of cases) {
      const response = await upload(Buffer.from('inhoud'), { fileName, documentType }, type);
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ fileName: stored, originalName: fileName });
    }
    expect(await folderNames()).toEqual(expect.arrayContaining(['etc_passwd.txt', '_con.docx', `${'x'.repeat(124)}.pdf`]));
  });

  it('resolves a duplicate name without overwriting the first file', async () => {
    const first = Buffer.from('%PDF eerste brief');
    const second = Buffer.from('%PDF tweede brief');
    const a = (await (await upload(first, { fileName: 'brief.pdf', documentType: 'advies' }, pdf)).json()) as Document;
    const b = (await (await upload(second, { fileName: 'brief.pdf', documentType: 'advies' }, pdf)).json()) as Document;
    expect([a.fileName, b.fileName]).toEqual(['brief.pdf', 'brief 1.pdf']);
    expect(b.originalName).toBe('brief.pdf');
    expect((await download(`/cases/${caseId}/documents/${a.id}/content`)).bytes).toEqual(first);
    expect((await download(`/cases/${caseId}/documents/${b.id}/content`)).bytes).toEqual(second);
  });

  it('refuses empty, too large, wrongly typed and badly described files, recording nothing', async () => {
    const before = { documents: (await documents()).length, events: await eventCount(), files: await folderNames() };
    const problemOf = async (response: Response): Promise<Json> => ({
      status: response.status,
      ...((await response.json()) as Json),
    });

    expect(await problemOf(await upload(Buffer.alloc(0), { fileName: 'leeg.pdf', documentType: 'advies' }, pdf))).toMatchObject({
      status: 400,
      errors: [{ path: 'body', code: 'document.empty' }],
    });
    expect(
      await problemOf(await upload(Buffer.alloc(maxBytes + 1), { fileName: 'groot.pdf', documentType: 'advies' }, pdf)),
    ).toMatchObject({
      status: 413,
      code: 'document.too-large',
    });
    expect(
      await problemOf(
        await upload(Buffer.from('MZ'), { fileName: 'setup.exe', documentType: 'advies' }, 'application/x-msdownload'),
      ),
    ).toMatchObject({ status: 415, code: 'document.media-type-not-allowed' });
    expect(
      await problemOf(await upload(Buffer.from('MZ'), { fileName: 'factuur.exe', documentType: 'advies' }, pdf)),
    ).toMatchObject({
      status: 415,
      code: 'document.extension-mismatch',
    });
    expect(
      await problemOf(await upload(Buffer.from('PK'), { fileName: 'tekening.docx', documentType: 'tekening' }, docx)),
    ).toMatchObject({
      status: 415,
      code: 'document.media-type-not-allowed',
    });
    const invalid = await problemOf(await upload(Buffer.alloc(0), { fileName: 'a.pdf', confidentiality: 'geheimpje' }, pdf));
    expect(invalid.status).toBe(400);
    expect((invalid.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'body',
      'query.confidentiality',
      'query.documentType',
    ]);
    expect(await problemOf(await upload(Buffer.from('x'), { fileName: 'a.pdf', documentType: 'onbekend' }, pdf))).toMatchObject({
      status: 400,
      errors: [{ path: 'query.documentType', code: 'document.type-unknown' }],
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await upload(Buffer.from('x'), { fileName: 'a.pdf', documentType: 'advies' }, pdf, `/cases/${missing}/documents`)).status,
    ).toBe(404);
    expect((await local.call(null, 'GET', `/cases/${caseId}/documents`)).status).toBe(401);

    expect((await documents()).length).toBe(before.documents);
    expect(await eventCount()).toBe(before.events);
    expect(await folderNames()).toEqual(before.files);
  });

  it('adds versions, serves each with its hash, and restores an old one as a new current version', async () => {
    const v1 = Buffer.from('PK besluit concept');
    const v2 = Buffer.from('PK besluit definitief, met handtekening');
    const created = (await (await upload(v1, { fileName: 'advies.docx', documentType: 'advies' }, docx)).json()) as Document;
    const added = await upload(v2, {}, docx, `/cases/${caseId}/documents/${created.id}/versions`);
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ currentVersion: '2.0', size: v2.length });

    const versions = (await (await get(`/cases/${caseId}/documents/${created.id}/versions`)).json()) as { items: Version[] };
    expect(versions.items.map((v) => [v.id, v.sha256])).toEqual([
      ['2.0', sha256(v2)],
      ['1.0', sha256(v1)],
    ]);
    const old = await download(`/cases/${caseId}/documents/${created.id}/versions/1.0/content`);
    expect(old.bytes).toEqual(v1);
    expect(old.headers.get('repr-digest')).toBe(digestOf(sha256(v1)));

    const restored = await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/${created.id}/versions/1.0/restore`);
    expect(restored.status).toBe(200);
    const document = (await restored.json()) as Document;
    expect(document.currentVersion).toBe('3.0');
    expect(document.versions.map((v) => [v.id, v.sha256, v.restoredFrom])).toEqual([
      ['1.0', sha256(v1), null],
      ['2.0', sha256(v2), null],
      ['3.0', sha256(v1), '1.0'],
    ]);
    expect((await download(`/cases/${caseId}/documents/${created.id}/content`)).bytes).toEqual(v1);
    const library = (await (await graph(`/items/${await itemIdOf(created.fileName)}/versions`)).json()) as { value: unknown[] };
    expect(library.value).toHaveLength(3);

    const again = await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/${created.id}/versions/3.0/restore`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).code).toBe('document.version-already-current');

    const timeline = (await (await get(`/cases/${caseId}/timeline`)).json()) as { items: { type: string; summary: Json }[] };
    expect(timeline.items.slice(0, 2).map((e) => e.type)).toEqual(['document.version-restored', 'document.version-added']);
    expect(timeline.items[0]?.summary.en).toBe(
      `Sanne de Vries restored version 1.0 of document "advies" as version 3.0 (SHA-256 ${sha256(v1).slice(0, 12)}…)`,
    );
    const chain = await verifyCaseChain(local.caseStores(), caseId);
    expect(chain).toMatchObject({ caseId, ok: true });
  });

  it('leaves no record and no file when SharePoint keeps failing the upload', async () => {
    const before = { documents: (await documents()).length, events: await eventCount(), files: await folderNames() };
    await injectFault({ status: 503, retryAfterSeconds: 0, count: 100, pathPrefix: '/_api/v2.0/uploadSession' });
    const response = await upload(randomBytes(5 * mib), { fileName: 'mislukt.pdf', documentType: 'advies' }, pdf);
    expect(response.status).toBe(503);
    expect(((await response.json()) as Json).code).toBe('documents.unavailable');
    await fetch(`${local.m365.url}/_local/faults`, { method: 'DELETE' });
    expect((await documents()).length).toBe(before.documents);
    expect(await eventCount()).toBe(before.events);
    expect(await folderNames()).toEqual(before.files);
  });

  it('locks a document that must be checked out: others are refused, in Zaakwerk and in SharePoint, until check-in', async () => {
    const created = (await (
      await upload(Buffer.from('PK concept'), { fileName: 'besluit.docx', documentType: 'besluit' }, docx)
    ).json()) as Document;
    expect(created).toMatchObject({ lock: null, desktopUrl: `ms-word:ofe|u|${String(created.webUrl)}` });
    const versionsPath = `/cases/${caseId}/documents/${created.id}/versions`;
    const notCheckedOut = await upload(Buffer.from('PK v2'), {}, docx, versionsPath);
    expect(notCheckedOut.status).toBe(409);
    expect(((await notCheckedOut.json()) as Json).code).toBe('document.checkout-required');

    const out = await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/${created.id}/checkout`);
    expect(out.status).toBe(200);
    expect(await out.json()).toMatchObject({ lock: { by: { name: 'Sanne de Vries' } } });

    const byOther = await upload(Buffer.from('PK van Pieter'), {}, docx, versionsPath, 'behandelaar2');
    expect(byOther.status).toBe(409);
    expect(((await byOther.json()) as Json).code).toBe('document.locked');
    const otherCheckin = await local.call('behandelaar2', 'POST', `/cases/${caseId}/documents/${created.id}/checkin`);
    expect(otherCheckin.status).toBe(409);
    const pieterGraph = await passwordGrantToken(local.m365, 'behandelaar2', 'dev', 'Files.ReadWrite.All');
    const direct = await fetch(
      `${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/items/${await itemIdOf('besluit.docx')}/content`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${pieterGraph}` },
        body: 'buiten Zaakwerk om',
      },
    );
    expect(direct.status).toBe(423);

    expect((await upload(Buffer.from('PK definitief'), {}, docx, versionsPath)).status).toBe(201);
    const checkedIn = await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/${created.id}/checkin`, {
      json: { comment: 'Definitief' },
    });
    expect(checkedIn.status).toBe(200);
    expect(await checkedIn.json()).toMatchObject({ lock: null, currentVersion: '2.0' });
    const timeline = (await (await get(`/cases/${caseId}/timeline`)).json()) as { items: { type: string; summary: Json }[] };
    expect(timeline.items.slice(0, 3).map((e) => e.summary.nl)).toEqual([
      'Sanne de Vries heeft document "besluit" ingecheckt',
      expect.stringContaining('heeft versie 2.0 van document "besluit" toegevoegd'),
      'Sanne de Vries heeft document "besluit" uitgecheckt',
    ]);
  });

  it('shares a document with an external address until a date, lists and revokes it; refuses one too confidential to share', async () => {
    const advies = (await (
      await upload(Buffer.from('%PDF advies'), { fileName: 'extern-advies.pdf', documentType: 'advies' }, pdf)
    ).json()) as Document;
    const sharesPath = `/cases/${caseId}/documents/${advies.id}/shares`;
    const shared = await local.call('behandelaar', 'POST', sharesPath, {
      json: { email: 'Adviseur@Bureau-Noord.nl', access: 'view', expiresOn: '2099-06-30' },
    });
    expect(shared.status).toBe(201);
    const share = (await shared.json()) as Json;
    expect(share).toMatchObject({
      email: 'adviseur@bureau-noord.nl',
      access: 'view',
      expiresOn: '2099-06-30',
      external: true,
      revokedAt: null,
    });
    const itemId = await itemIdOf('extern-advies.pdf');
    const granted = (await (await graph(`/items/${itemId}/permissions`)).json()) as { value: Json[] };
    expect(granted.value).toEqual([
      expect.objectContaining({ id: share.id, roles: ['read'], expirationDateTime: '2099-06-30T21:59:59.999Z' }),
    ]);
    const listed = (await (await get(sharesPath)).json()) as { items: Json[] };
    expect(listed.items.map((s) => s.id)).toEqual([share.id]);

    const revoked = await local.call('behandelaar', 'DELETE', `${sharesPath}/${String(share.id)}`);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: share.id, revokedBy: { name: 'Sanne de Vries' } });
    expect(((await (await graph(`/items/${itemId}/permissions`)).json()) as { value: unknown[] }).value).toEqual([]);
    expect((await local.call('behandelaar', 'DELETE', `${sharesPath}/${String(share.id)}`)).status).toBe(409);
    const timeline = (await (await get(`/cases/${caseId}/timeline`)).json()) as { items: { summary: Json }[] };
    expect(timeline.items.slice(0, 2).map((e) => e.summary.nl)).toEqual([
      'Sanne de Vries heeft het delen van document "extern-advies" met adviseur@bureau-noord.nl ingetrokken',
      'Sanne de Vries heeft document "extern-advies" gedeeld met adviseur@bureau-noord.nl (lezen, tot en met 2099-06-30)',
    ]);

    const secret = (await (
      await upload(
        Buffer.from('%PDF vertrouwelijk'),
        { fileName: 'vertrouwelijk.pdf', documentType: 'advies', confidentiality: 'vertrouwelijk' },
        pdf,
      )
    ).json()) as Document;
    const refused = await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/${secret.id}/shares`, {
      json: { email: 'adviseur@bureau-noord.nl', access: 'edit', expiresOn: '2099-06-30' },
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Json).code).toBe('document.share-too-confidential');
    const past = await local.call('behandelaar', 'POST', sharesPath, {
      json: { email: 'adviseur@bureau-noord.nl', access: 'view', expiresOn: '2020-01-01' },
    });
    expect(past.status).toBe(422);
    expect(
      ((await (await graph(`/items/${await itemIdOf('vertrouwelijk.pdf')}/permissions`)).json()) as { value: unknown[] }).value,
    ).toEqual([]);
  });

  it('records versions made in SharePoint itself (as Office would) with their hash and maker, once', async () => {
    const v1 = Buffer.from('PK werkversie');
    const created = (await (
      await upload(v1, { fileName: 'werkdocument.docx', documentType: 'advies' }, docx)
    ).json()) as Document;
    const daanGraph = await passwordGrantToken(local.m365, 'behandelaar2', 'dev', 'Files.ReadWrite.All');
    const edited = Buffer.from('PK werkversie, aangevuld door Daan in Word');
    const put = await fetch(
      `${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/items/${await itemIdOf('werkdocument.docx')}/content`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${daanGraph}` },
        body: new Uint8Array(edited),
      },
    );
    expect(put.status).toBe(200);

    const synced = await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/sync`);
    expect(synced.status).toBe(200);
    const result = (await synced.json()) as { recorded: number; items: Document[] };
    expect(result.recorded).toBe(1);
    const document = result.items.find((d) => d.id === created.id);
    expect(document?.currentVersion).toBe('2.0');
    expect(document?.versions[1]).toMatchObject({
      id: '2.0',
      sha256: sha256(edited),
      size: edited.length,
      createdBy: { name: 'Daan Bakker' },
    });
    const again = (await (await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/sync`)).json()) as {
      recorded: number;
    };
    expect(again.recorded).toBe(0);
    const moment = dutchMoment(String((document?.versions[1] as unknown as Json | undefined)?.createdAt));
    const timeline = (await (await get(`/cases/${caseId}/timeline`)).json()) as { items: { summary: Json }[] };
    expect(timeline.items[0]?.summary.nl).toBe(
      `Versie 2.0 van document "werkdocument", in SharePoint gemaakt door Daan Bakker op ${moment}, vastgelegd (SHA-256 ${sha256(edited).slice(0, 12)}…)`,
    );
  });

  async function itemIdOf(fileName: string): Promise<string> {
    const item = (await (await graph(`/root:/${caseNumber}/${encodeURIComponent(fileName)}`)).json()) as { id: string };
    return item.id;
  }
});
