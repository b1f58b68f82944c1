import { createHash } from 'node:crypto';
import { documentSyncTableName } from '../../functions/src/adapters/table-storage/document-sync-cursor.table';
import { demoTenant, passwordGrantToken } from '../../infra/local/src/m365';
import { startLocalApi, type LocalApi } from './support/local-api';

jest.setTimeout(180_000);

type Json = Record<string, unknown>;
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
 * Versions made in Office reach the case timeline through the document sync timer: it reads the local
 * SharePoint's delta (Graph root/delta), maps the changed file to its case and records the version once.
 */
describe('document sync timer (versions made in Office)', () => {
  let local: LocalApi;

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  it('records a version made directly in SharePoint on the case timeline once, however often the timer runs or replays', async () => {
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title: 'Schuur Molenweg 8', receivedOn: '2026-03-02', fields: {} },
    });
    expect(registered.status).toBe(201);
    const caseId = String(((await registered.json()) as Json).id);
    const v1 = Buffer.from('PK advies concept');
    const uploaded = await fetch(`${local.api}/cases/${caseId}/documents?fileName=advies.docx&documentType=advies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await local.tokenFor('behandelaar')}`, 'content-type': docx },
      body: new Uint8Array(v1),
    });
    expect(uploaded.status).toBe(201);
    const document = (await uploaded.json()) as { id: string; webUrl: string };
    const events = async () => (await local.caseStores().eventLog.allEvents(caseId)).length;

    // The first run enumerates the library: the filed version is known, nothing is recorded.
    await local.host.runTimer('documentSyncTimer');
    const before = await events();

    // Daan edits the file in Word: a new version written straight to SharePoint (Graph), not through Zaakwerk.
    const daan = await passwordGrantToken(local.m365, 'behandelaar2', 'dev', 'Files.ReadWrite.All');
    const fileName = decodeURIComponent(new URL(document.webUrl).pathname.split('/').slice(-2).join('/'));
    const item = (await (
      await fetch(`${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/root:/${fileName}`, {
        headers: { authorization: `Bearer ${daan}` },
      })
    ).json()) as { id: string };
    const v2 = Buffer.from('PK advies, aangevuld door Daan in Word');
    const put = await fetch(`${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/items/${item.id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${daan}` },
      body: new Uint8Array(v2),
    });
    expect(put.status).toBe(200);

    await local.host.runTimer('documentSyncTimer');
    expect(await events()).toBe(before + 1);
    const recorded = (await (await local.call('behandelaar', 'GET', `/cases/${caseId}/documents/${document.id}`)).json()) as {
      currentVersion: string;
      versions: { id: string; sha256: string; createdAt: string; createdBy: Json }[];
    };
    expect(recorded.currentVersion).toBe('2.0');
    expect(recorded.versions[1]).toMatchObject({ id: '2.0', sha256: sha256(v2), createdBy: { name: 'Daan Bakker' } });
    const moment = dutchMoment(recorded.versions[1]?.createdAt ?? '');
    const timeline = (await (await local.call('behandelaar', 'GET', `/cases/${caseId}/timeline`)).json()) as {
      items: { type: string; actor: Json; summary: Json }[];
    };
    expect(timeline.items[0]).toMatchObject({
      type: 'document.version-synced',
      summary: {
        nl: `Versie 2.0 van document "advies", in SharePoint gemaakt door Daan Bakker op ${moment}, vastgelegd (SHA-256 ${sha256(v2).slice(0, 12)}…)`,
      },
    });

    // Again, and with the stored deltaLink gone (the whole library replayed): nothing new.
    await local.host.runTimer('documentSyncTimer');
    await local.table(documentSyncTableName).deleteEntity('library', 'delta');
    await local.host.runTimer('documentSyncTimer');
    expect(await events()).toBe(before + 1);
    // The manual sync agrees there is nothing left.
    const manual = await local.call('behandelaar', 'POST', `/cases/${caseId}/documents/sync`);
    expect(((await manual.json()) as { recorded: number }).recorded).toBe(0);
  });
});
