import { createHash } from 'node:crypto';
import { QueueClient } from '@azure/storage-queue';
import { documentSyncQueueName } from '../../functions/src/http/handlers/graph-notifications.handler';
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

  /**
   * Lifecycle notifications (ADR 0017): the subscription carries the lifecycle URL (validated by its own
   * handshake); the local Graph sends the events through its /_local control, as Graph would.
   */
  it('handles reauthorizationRequired, missed and subscriptionRemoved so that no version made in SharePoint is lost', async () => {
    const lifecycleUrl = webhook.replace(/notifications$/, 'lifecycle');
    const graph = `${local.m365.graphBaseUrl}/v1.0`;
    const headers = {
      authorization: `Bearer ${await passwordGrantToken(local.m365, 'behandelaar', 'dev', 'Files.ReadWrite.All')}`,
    };
    const subscriptions = async () =>
      ((await (await fetch(`${graph}/subscriptions`, { headers })).json()) as { value: Json[] }).value;
    const [subscription] = await subscriptions();
    expect(subscription).toMatchObject({ notificationUrl: webhook, lifecycleNotificationUrl: lifecycleUrl });
    const id = String(subscription?.id);
    const postLifecycle = (body: unknown) =>
      fetch(lifecycleUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const sendLifecycle = async (subscriptionId: string, lifecycleEvent: string) => {
      const response = await fetch(`${local.m365.url}/_local/graph/subscriptions/${subscriptionId}/lifecycle`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lifecycleEvent }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { receiverStatus: number }).receiverStatus;
    };

    // The endpoint: handshake, forged clientState, bad body, a subscription that is not ours.
    const handshake = await fetch(`${lifecycleUrl}?validationToken=${encodeURIComponent('Validation: lifecycle')}`, {
      method: 'POST',
    });
    expect(await handshake.text()).toBe('Validation: lifecycle');
    const forged = await postLifecycle({
      value: [{ subscriptionId: id, lifecycleEvent: 'subscriptionRemoved', clientState: 'geraden' }],
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
    const bad = await postLifecycle({ value: 'kapot' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(
      (await postLifecycle({ value: [{ subscriptionId: 'niet-van-ons', lifecycleEvent: 'subscriptionRemoved', clientState }] }))
        .status,
    ).toBe(202);
    expect((await subscriptions()).map((s) => s.id)).toEqual([id]);

    // A document, and edits made straight in SharePoint by Daan.
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title: 'Dakkapel Lindelaan 8', receivedOn: '2026-03-03', fields: {} },
    });
    const caseId = String(((await registered.json()) as Json).id);
    const uploaded = await fetch(`${local.api}/cases/${caseId}/documents?fileName=advies.docx&documentType=advies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await local.tokenFor('behandelaar')}`, 'content-type': docx },
      body: new Uint8Array(Buffer.from('PK advies')),
    });
    expect(uploaded.status).toBe(201);
    const document = (await uploaded.json()) as { id: string; webUrl: string };
    const daan = {
      authorization: `Bearer ${await passwordGrantToken(local.m365, 'behandelaar2', 'dev', 'Files.ReadWrite.All')}`,
    };
    const path = decodeURIComponent(new URL(document.webUrl).pathname.split('/').slice(-2).join('/'));
    const item = (await (await fetch(`${graph}/drives/${driveId}/root:/${path}`, { headers: daan })).json()) as { id: string };
    const edit = async (text: string) => {
      const put = await fetch(`${graph}/drives/${driveId}/items/${item.id}/content`, {
        method: 'PUT',
        headers: daan,
        body: new Uint8Array(Buffer.from(text)),
      });
      expect(put.status).toBe(200);
    };
    const versions = async () =>
      (
        (await (await local.call('behandelaar', 'GET', `/cases/${caseId}/documents/${document.id}`)).json()) as {
          versions: { id: string; sha256: string }[];
        }
      ).versions;
    const waitForVersions = async (count: number) => {
      const deadline = Date.now() + 30_000;
      let seen = await versions();
      while (seen.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        seen = await versions();
      }
      return seen;
    };
    // The sync queue holds a message until its sync finished (a message being handled still counts).
    const syncQueue = new QueueClient(local.stack.azurite.connectionString, documentSyncQueueName);
    const queuedSyncs = async () => (await syncQueue.getProperties()).approximateMessagesCount ?? 0;
    const syncsSettled = async () => {
      const deadline = Date.now() + 30_000;
      let quiet = 0;
      while (quiet < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        quiet = (await queuedSyncs()) === 0 ? quiet + 1 : 0;
      }
      expect(quiet).toBe(2);
    };
    const pauseWithFailingRenewal = async (subscriptionId: string) => {
      const fault = await fetch(`${local.m365.url}/_local/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          status: 503,
          retryAfterSeconds: 0,
          count: 5,
          pathPrefix: `/v1.0/subscriptions/${subscriptionId}`,
        }),
      });
      expect(fault.status).toBe(201);
      expect(await sendLifecycle(subscriptionId, 'reauthorizationRequired')).toBe(503);
      await fetch(`${local.m365.url}/_local/faults`, { method: 'DELETE' });
      const paused = (await (await fetch(`${graph}/subscriptions/${subscriptionId}`, { headers })).json()) as Json;
      expect(paused.reauthorizationRequired).toBe(true);
    };

    // reauthorizationRequired with Graph healthy: renewed (PATCH lifts the pause), so an edit arrives by notification.
    expect(await sendLifecycle(id, 'reauthorizationRequired')).toBe(202);
    const renewed = (await (await fetch(`${graph}/subscriptions/${id}`, { headers })).json()) as Json;
    expect(renewed.reauthorizationRequired).toBeUndefined();
    expect(Date.parse(String(renewed.expirationDateTime))).toBeGreaterThanOrEqual(
      Date.parse(String(subscription?.expirationDateTime)),
    );
    await edit('PK advies, versie 2');
    expect((await waitForVersions(2)).map((v) => v.id)).toEqual(['1.0', '2.0']);

    // reauthorizationRequired while Graph refuses the renewal: the subscription stays paused, so an edit is not
    // notified (nothing is queued once earlier syncs are done) until Graph says notifications were missed.
    await syncsSettled();
    await pauseWithFailingRenewal(id);
    await edit('PK advies, versie 3');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await queuedSyncs()).toBe(0);
    expect((await versions()).map((v) => v.id)).toEqual(['1.0', '2.0']);
    expect(await sendLifecycle(id, 'missed')).toBe(202);
    expect((await waitForVersions(3)).map((v) => v.id)).toEqual(['1.0', '2.0', '3.0']);

    // subscriptionRemoved after an edit that was never notified: a new subscription (with the lifecycle URL) and a sync.
    await pauseWithFailingRenewal(id);
    const fourth = Buffer.from('PK advies, versie 4');
    await edit(fourth.toString());
    expect(await sendLifecycle(id, 'subscriptionRemoved')).toBe(202);
    const replaced = await subscriptions();
    expect(replaced).toEqual([
      expect.objectContaining({ notificationUrl: webhook, lifecycleNotificationUrl: lifecycleUrl, clientState }),
    ]);
    expect(replaced[0]?.id).not.toBe(id);
    const afterRemoval = await waitForVersions(4);
    expect(afterRemoval.map((v) => v.id)).toEqual(['1.0', '2.0', '3.0', '4.0']);
    expect(afterRemoval[3]?.sha256).toBe(sha256(fourth));
    await edit('PK advies, versie 5');
    expect((await waitForVersions(5)).map((v) => v.id)).toEqual(['1.0', '2.0', '3.0', '4.0', '5.0']);
  });
});
