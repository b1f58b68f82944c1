import { createHash } from 'node:crypto';
import { demoTenant, passwordGrantToken } from '../../infra/local/src/m365';
import { freePort } from '../../infra/local/src/ports';
import { startLocalApi, type LocalApi } from './support/local-api';

jest.setTimeout(180_000);

type Json = Record<string, unknown>;
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const { driveId } = demoTenant.sharePoint;
const clientState = 'geheim-voor-graph-0123456789';

/**
 * Graph change notifications end to end on the local stack: the document sync timer subscribes (the local
 * Graph validates the webhook first), a version made directly in SharePoint makes the local Graph notify
 * the webhook, which queues the delta sync, and the version appears on the case — without the timer.
 */
describe('Graph change notifications for the document library', () => {
  let local: LocalApi;
  let webhook = '';

  beforeAll(async () => {
    const port = await freePort();
    webhook = `http://127.0.0.1:${port}/api/v1/graph/notifications`;
    local = await startLocalApi({
      shippedCaseTypes: true,
      apiPort: port,
      settings: { ZAAKWERK_GRAPH_NOTIFICATION_URL: webhook, ZAAKWERK_GRAPH_CLIENT_STATE: clientState },
    });
  });
  afterAll(() => local?.stop());

  const post = (body: unknown, query = '') =>
    fetch(`${webhook}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('answers the validation handshake with the token as text/plain and refuses notifications without the clientState', async () => {
    const token = 'Validation: Testing client application reachability <b>&</b>';
    const handshake = await fetch(`${webhook}?validationToken=${encodeURIComponent(token)}`, { method: 'POST' });
    expect(handshake.status).toBe(200);
    expect(handshake.headers.get('content-type')).toContain('text/plain');
    expect(await handshake.text()).toBe(token);

    const forged = await post({ value: [{ subscriptionId: 'x', clientState: 'geraden', changeType: 'updated' }] });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as Json).code).toBe('graph.client-state-mismatch');
    expect((await post({ value: [{ subscriptionId: 'x', changeType: 'updated' }] })).status).toBe(403);
    expect((await post({ nothing: true })).status).toBe(400);
    expect((await post({ value: [{ subscriptionId: 'x', clientState }] })).status).toBe(202);
  });

  it('subscribes through the timer and records a version made in SharePoint when Graph notifies', async () => {
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title: 'Tuinhuis Beukenlaan 3', receivedOn: '2026-03-02', fields: {} },
    });
    const caseId = String(((await registered.json()) as Json).id);
    const uploaded = await fetch(`${local.api}/cases/${caseId}/documents?fileName=nota.docx&documentType=advies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await local.tokenFor('behandelaar')}`, 'content-type': docx },
      body: new Uint8Array(Buffer.from('PK nota')),
    });
    expect(uploaded.status).toBe(201);
    const document = (await uploaded.json()) as { id: string; webUrl: string };

    // The timer enumerates the library and subscribes: the local Graph first checks the webhook's handshake.
    await local.host.runTimer('documentSyncTimer');
    const app = await fetch(`${local.m365.graphBaseUrl}/v1.0/subscriptions`, {
      headers: { authorization: `Bearer ${await passwordGrantToken(local.m365, 'behandelaar', 'dev', 'Files.ReadWrite.All')}` },
    });
    const subscriptions = ((await app.json()) as { value: Json[] }).value;
    expect(subscriptions).toEqual([
      expect.objectContaining({
        resource: `drives/${driveId}/root`,
        changeType: 'updated',
        notificationUrl: webhook,
        clientState,
      }),
    ]);

    const daan = await passwordGrantToken(local.m365, 'behandelaar2', 'dev', 'Files.ReadWrite.All');
    const path = decodeURIComponent(new URL(document.webUrl).pathname.split('/').slice(-2).join('/'));
    const item = (await (
      await fetch(`${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/root:/${path}`, {
        headers: { authorization: `Bearer ${daan}` },
      })
    ).json()) as { id: string };
    const edited = Buffer.from('PK nota, bijgewerkt door Daan');
    const put = await fetch(`${local.m365.graphBaseUrl}/v1.0/drives/${driveId}/items/${item.id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${daan}` },
      body: new Uint8Array(edited),
    });
    expect(put.status).toBe(200);

    // No timer run: the notification → queue → delta sync records it.
    const deadline = Date.now() + 30_000;
    let versions: { id: string; sha256: string; createdBy: Json }[] = [];
    while (Date.now() < deadline) {
      const read = (await (await local.call('behandelaar', 'GET', `/cases/${caseId}/documents/${document.id}`)).json()) as {
        versions: typeof versions;
      };
      versions = read.versions;
      if (versions.length > 1) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(versions.map((v) => v.id)).toEqual(['1.0', '2.0']);
    expect(versions[1]).toMatchObject({ sha256: sha256(edited), createdBy: { name: 'Daan Bakker' } });
  });
});
