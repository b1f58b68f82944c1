import { createHash } from 'node:crypto';
import { Client, GraphError, PageIterator, ResponseType, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { demoTenant, passwordGrantToken, startM365TestStack, type M365TestStack } from '../../infra/local/src/m365';

jest.setTimeout(60_000);

const { driveId } = demoTenant.sharePoint;
const delegatedGraphScopes = 'User.Read User.ReadBasic.All GroupMember.Read.All Files.ReadWrite.All';

let stack: M365TestStack;
let client: Client;
beforeAll(async () => {
  stack = await startM365TestStack();
  const token = await passwordGrantToken(stack.m365, 'behandelaar', 'dev', delegatedGraphScopes);
  client = graphClient(token);
});
afterAll(async () => {
  await stack?.stop();
});

/** The Graph SDK pointed at the local Graph: its base URL, and `localhost` as a host that gets the token. */
function graphClient(token: string): Client {
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => token },
    baseUrl: stack.m365.graphBaseUrl,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(stack.m365.url).hostname]),
  });
}

/** The driveItem fields these tests read. */
interface DriveItemJson {
  id: string;
  name: string;
  size: number;
  eTag: string;
  createdBy: unknown;
}

async function graphErrorOf(request: Promise<unknown>): Promise<GraphError> {
  try {
    await request;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a Graph error');
}

async function injectFault(fault: {
  status: 429 | 503;
  retryAfterSeconds: number;
  count: number;
  pathPrefix?: string;
}): Promise<void> {
  const response = await fetch(`${stack.m365.url}/_local/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

describe('@microsoft/microsoft-graph-client against the local Graph', () => {
  afterEach(async () => {
    await fetch(`${stack.m365.url}/_local/faults`, { method: 'DELETE' });
  });

  it('reads the signed-in user with /me', async () => {
    const me = (await client.api('/me').get()) as Record<string, unknown>;
    expect(me).toMatchObject({
      id: demoTenant.personas[0].id,
      displayName: 'Sanne de Vries',
      userPrincipalName: 'behandelaar@zaakwerk.test',
      preferredLanguage: 'nl-NL',
    });
    expect(me['@odata.context']).toBe(`${stack.m365.graphBaseUrl}/v1.0/$metadata#users/$entity`);
  });

  it('finds users with $filter=startswith(displayName, …) and pages through all users', async () => {
    const found = (await client
      .api('/users')
      .filter("startswith(displayName,'San')")
      .select('displayName,mail,department')
      .get()) as { value: unknown[] };
    expect(found.value).toEqual([
      { displayName: 'Sanne de Vries', mail: 'behandelaar@zaakwerk.test', department: 'Vergunningen' },
    ]);

    const names: string[] = [];
    const firstPage = await client.api('/users').top(3).get();
    expect(firstPage['@odata.nextLink']).toBeDefined();
    await new PageIterator(client, firstPage, (user: { displayName: string }) => {
      names.push(user.displayName);
      return true;
    }).iterate();
    expect(names).toHaveLength(demoTenant.personas.length);
    expect(new Set(names).size).toBe(demoTenant.personas.length);
  });

  it('answers 400 Request_UnsupportedQuery for a filter Entra does not support', async () => {
    const error = await graphErrorOf(client.api('/users').filter("endswith(mail,'.test')").get());
    expect([error.statusCode, error.code]).toEqual([400, 'Request_UnsupportedQuery']);
  });

  it('lists the members of a group', async () => {
    const coordinators = demoTenant.groups.find((g) => g.mailNickname === 'zw-coordinatoren')!;
    const members = (await client.api(`/groups/${coordinators.id}/members`).get()) as { value: Array<Record<string, unknown>> };
    expect(members.value.map((m) => m.displayName)).toEqual(['Fatima El Amrani']);
    expect(members.value[0]?.['@odata.type']).toBe('#microsoft.graph.user');
  });

  it('creates a folder, refuses a duplicate with 409 nameAlreadyExists, and renames on request', async () => {
    const create = (conflictBehavior: string) =>
      client
        .api(`/drives/${driveId}/root/children`)
        .post({ name: 'Z-2024-0001', folder: {}, '@microsoft.graph.conflictBehavior': conflictBehavior }) as Promise<
        Record<string, unknown>
      >;
    const folder = await create('fail');
    expect(folder).toMatchObject({
      name: 'Z-2024-0001',
      folder: { childCount: 0 },
      parentReference: { driveId, path: `/drives/${driveId}/root:` },
    });

    const duplicate = await graphErrorOf(create('fail'));
    expect([duplicate.statusCode, duplicate.code]).toEqual([409, 'nameAlreadyExists']);
    expect(((await create('rename')) as { name: string }).name).toBe('Z-2024-0001 1');
  });

  it('uploads a small file and downloads the same bytes through the pre-authenticated redirect', async () => {
    const folder = (await client
      .api(`/drives/${driveId}/root/children`)
      .post({ name: 'Uploads', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' })) as { id: string };
    const bytes = Buffer.from('Ontvangstbevestiging aanvraag omgevingsvergunning\n', 'utf8');
    const item = (await client
      .api(`/drives/${driveId}/items/${folder.id}:/ontvangstbevestiging.txt:/content`)
      .header('Content-Type', 'text/plain')
      .put(bytes)) as DriveItemJson;
    expect(item).toMatchObject({
      name: 'ontvangstbevestiging.txt',
      size: bytes.length,
      file: { mimeType: 'text/plain', hashes: { sha256Hash: createHash('sha256').update(bytes).digest('hex').toUpperCase() } },
      createdBy: { user: { id: demoTenant.personas[0].id, displayName: 'Sanne de Vries' } },
      parentReference: { id: folder.id },
    });
    expect(item.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);

    const downloaded = (await client
      .api(`/drives/${driveId}/items/${item.id}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    expect(Buffer.from(downloaded).equals(bytes)).toBe(true);

    const byPath = (await client.api(`/drives/${driveId}/root:/Uploads/ontvangstbevestiging.txt:`).get()) as { id: string };
    expect(byPath.id).toBe(item.id);
  });

  it('replaces the content of an existing file, keeping its id, and honours If-Match', async () => {
    const first = (await client.api(`/drives/${driveId}/root:/Versies/besluit.txt:/content`).put(Buffer.from('concept'))) as {
      id: string;
      eTag: string;
    };
    const second = (await client.api(`/drives/${driveId}/root:/Versies/besluit.txt:/content`).put(Buffer.from('definitief'))) as {
      id: string;
      eTag: string;
      size: number;
    };
    expect([second.id, second.size]).toEqual([first.id, 'definitief'.length]);
    expect(second.eTag).not.toBe(first.eTag);
    const stale = await graphErrorOf(
      client.api(`/drives/${driveId}/items/${first.id}/content`).header('If-Match', first.eTag).put(Buffer.from('te laat')),
    );
    expect([stale.statusCode, stale.code]).toEqual([412, 'resourceModified']);
  });

  it('deletes an item (204) after which it is 404 itemNotFound', async () => {
    const item = (await client.api(`/drives/${driveId}/root:/Weg/tijdelijk.txt:/content`).put(Buffer.from('x'))) as {
      id: string;
    };
    await client.api(`/drives/${driveId}/items/${item.id}`).delete();
    const gone = await graphErrorOf(client.api(`/drives/${driveId}/items/${item.id}`).get());
    expect([gone.statusCode, gone.code]).toEqual([404, 'itemNotFound']);
  });

  it('refuses a simple upload above 4 MiB with 413', async () => {
    const response = await fetch(`${stack.m365.graphBaseUrl}/v1.0/drives/${driveId}/root:/groot.bin:/content`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${await passwordGrantToken(stack.m365, 'behandelaar', 'dev', delegatedGraphScopes)}` },
      body: Buffer.alloc(4 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
  });

  it('answers an injected 429 with Retry-After and a Graph error body when retries are off', async () => {
    await injectFault({ status: 429, retryAfterSeconds: 7, count: 1, pathPrefix: '/v1.0/me' });
    const error = await graphErrorOf(
      client
        .api('/me')
        .middlewareOptions([new RetryHandlerOptions(0, 0)])
        .get(),
    );
    expect([error.statusCode, error.code]).toEqual([429, 'TooManyRequests']);
    expect(error.headers?.get('Retry-After')).toBe('7');
    expect(error.headers?.get('request-id')).toBeTruthy();
    // The fault was for one request only.
    expect(((await client.api('/me').get()) as { displayName: string }).displayName).toBe('Sanne de Vries');
  });

  it('lets the SDK retry handler wait out an injected 503 and then succeed', async () => {
    await injectFault({ status: 503, retryAfterSeconds: 1, count: 1, pathPrefix: '/v1.0/me' });
    const started = Date.now();
    expect(((await client.api('/me').get()) as { displayName: string }).displayName).toBe('Sanne de Vries');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('the directory as the API reads it app-only (service principal, role assignments, memberships)', () => {
  let app: Client;
  beforeAll(async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: demoTenant.apiApp.clientId,
      client_secret: demoTenant.apiApp.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
    const response = await fetch(stack.m365.tokenEndpoint, { method: 'POST', body: form });
    app = graphClient(((await response.json()) as { access_token: string }).access_token);
  });

  it("finds the API's service principal by appId, with its app roles", async () => {
    const sp = (await app.api(`/servicePrincipals(appId='${demoTenant.apiApp.clientId}')`).select('id,appRoles').get()) as {
      id: string;
      appRoles: Array<{ id: string; value: string }>;
    };
    expect(sp.id).toBe(demoTenant.apiApp.servicePrincipalId);
    expect(sp.appRoles.find((r) => r.value === 'Zaakwerk.Coordinator')?.id).toBe(demoTenant.appRoleIds['Zaakwerk.Coordinator']);
    expect(sp.appRoles.map((r) => r.value)).toEqual(expect.arrayContaining(Object.values(demoTenant.appRoles)));
  });

  it('lists who holds which app role: groups by their role, and the bot for acting as a user', async () => {
    const assigned = (await app
      .api(`/servicePrincipals/${demoTenant.apiApp.servicePrincipalId}/appRoleAssignedTo`)
      .select('principalId,appRoleId')
      .top(999)
      .get()) as { value: Array<{ principalId: string; appRoleId: string }> };
    const coordinators = demoTenant.groups.find((g) => g.appRole === 'Zaakwerk.Coordinator')!;
    expect(assigned.value).toContainEqual({
      principalId: coordinators.id,
      appRoleId: demoTenant.appRoleIds['Zaakwerk.Coordinator'],
    });
    expect(assigned.value).toContainEqual({
      principalId: demoTenant.botApp.servicePrincipalId,
      appRoleId: demoTenant.appRoleIds['Zaakwerk.Bot.ActAsUser'],
    });
    expect(assigned.value).toHaveLength(demoTenant.groups.filter((g) => g.appRole).length + 1);
  });

  it("lists a user's groups with $select=id, keeping @odata.type", async () => {
    const coordinator = demoTenant.personas.find((p) => p.login === 'coordinator')!;
    const groups = (await app.api(`/users/${coordinator.id}/memberOf`).select('id').get()) as { value: unknown[] };
    expect(groups.value).toEqual(
      expect.arrayContaining([
        { '@odata.type': '#microsoft.graph.group', id: 'a1b2c3d4-0001-4000-8000-000000000001' },
        { '@odata.type': '#microsoft.graph.group', id: 'a1b2c3d4-0002-4000-8000-000000000002' },
      ]),
    );
    expect(groups.value).toHaveLength(2);
  });

  it('refuses the service principal to a user token without Application.Read.All', async () => {
    const error = await graphErrorOf(client.api(`/servicePrincipals(appId='${demoTenant.apiApp.clientId}')`).get());
    expect([error.statusCode, error.code]).toEqual([403, 'Authorization_RequestDenied']);
  });
});

describe('the local Graph refuses callers like Graph does', () => {
  it('answers 401 InvalidAuthenticationToken without a token', async () => {
    const response = await fetch(`${stack.m365.graphBaseUrl}/v1.0/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const body = (await response.json()) as { error: { code: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
  });

  it('answers 403 Authorization_RequestDenied when the token lacks the permission', async () => {
    const onlyMe = graphClient(await passwordGrantToken(stack.m365, 'raadpleger', 'dev', 'User.Read'));
    expect(((await onlyMe.api('/me').get()) as { displayName: string }).displayName).toBe('Ingrid Smit');
    const error = await graphErrorOf(onlyMe.api('/users').get());
    expect([error.statusCode, error.code]).toEqual([403, 'Authorization_RequestDenied']);
  });

  it('serves app-only callers, recording uploads as made by the application, but refuses /me', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: demoTenant.apiApp.clientId,
      client_secret: demoTenant.apiApp.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
    const { access_token: appToken } = (await (await fetch(stack.m365.tokenEndpoint, { method: 'POST', body: form })).json()) as {
      access_token: string;
    };
    const app = graphClient(appToken);
    const item = (await app.api(`/sites/root/drive/root:/Systeem/log.txt:/content`).put(Buffer.from('ok'))) as DriveItemJson;
    expect(item.createdBy).toEqual({ application: { id: demoTenant.apiApp.clientId, displayName: 'Zaakwerk' } });
    const error = await graphErrorOf(app.api('/me').get());
    expect(error.statusCode).toBe(400);
  });
});
