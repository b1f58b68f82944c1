import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/microsoft-graph-client';
import { createGraphUserDirectory } from './user-directory.graph';

const apiClientId = '3d6a9c1f-7e2b-4a58-b0c4-6f1e8d2a9b57';
const sanne = 'b0000001-5a1e-4d2c-9f00-000000000001';
const spId = 'sp-zaakwerk-api';

/** Answers the Graph requests this adapter makes, as Graph shapes them; records what was asked. */
function graphLike(base: () => string) {
  const requests: string[] = [];
  const routes: Record<string, (req: IncomingMessage) => [number, unknown]> = {
    [`/graph/v1.0/users/${sanne}`]: () => [
      200,
      { id: sanne, displayName: 'Sanne de Vries', userPrincipalName: 'behandelaar@zaakwerk.test', mail: null },
    ],
    [`/graph/v1.0/users/${sanne}/memberOf`]: () => [
      200,
      {
        value: [
          { '@odata.type': '#microsoft.graph.group', id: 'g-1' },
          { '@odata.type': '#microsoft.graph.directoryRole', id: 'role-1' },
        ],
        '@odata.nextLink': `${base()}/v1.0/users/${sanne}/memberOf?$skiptoken=2`,
      },
    ],
    [`/graph/v1.0/users/${sanne}/memberOf?$skiptoken=2`]: () => [
      200,
      { value: [{ '@odata.type': '#microsoft.graph.group', id: 'g-2' }] },
    ],
    // Assigned to Sanne's group g-2 (second page of memberOf), to another user and to an unrelated group.
    [`/graph/v1.0/servicePrincipals/${spId}/appRoleAssignedTo?$top=999`]: () => [
      200,
      {
        value: [
          { appRoleId: 'r-coord', principalId: 'g-2', principalType: 'Group' },
          { appRoleId: 'r-admin', principalId: 'someone-else', principalType: 'User' },
        ],
        '@odata.nextLink': `${base()}/v1.0/servicePrincipals/${spId}/appRoleAssignedTo?$skiptoken=x`,
      },
    ],
    [`/graph/v1.0/servicePrincipals/${spId}/appRoleAssignedTo?$skiptoken=x`]: () => [
      200,
      {
        value: [
          { appRoleId: 'r-coord', principalId: sanne, principalType: 'User' },
          { appRoleId: 'r-admin', principalId: 'g-9', principalType: 'Group' },
        ],
      },
    ],
    [`/graph/v1.0/servicePrincipals(appId='${apiClientId}')`]: () => [
      200,
      {
        id: spId,
        appRoles: [
          { id: 'r-coord', value: 'Zaakwerk.Coordinator' },
          { id: 'r-admin', value: 'Zaakwerk.Admin' },
        ],
      },
    ],
  };
  const server: Server = createServer((req, res) => {
    const url = decodeURIComponent(req.url ?? '');
    requests.push(url);
    const path = url.replace(/\$select=[^&]*&?/, '').replace(/[?&]$/, '');
    const route = routes[path];
    const [status, body] = route
      ? route(req)
      : [404, { error: { code: 'Request_ResourceNotFound', message: `Resource '${path}' does not exist.` } }];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  return { server, requests };
}

describe('the Graph user directory', () => {
  let server: Server;
  let requests: string[];
  let baseUrl: string;
  let directory: ReturnType<typeof createGraphUserDirectory>;
  let clock = 0;

  beforeAll(async () => {
    const fake = graphLike(() => baseUrl);
    server = fake.server;
    requests = fake.requests;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph`;
    const client = Client.initWithMiddleware({
      baseUrl,
      defaultVersion: 'v1.0',
      authProvider: { getAccessToken: async () => 'token' },
    });
    directory = createGraphUserDirectory(client, { graphBaseUrl: baseUrl, apiClientId, now: () => clock });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('combines the user, their groups (all pages) and the API roles assigned to them or their groups', async () => {
    await expect(directory.findUser(sanne)).resolves.toEqual({
      id: sanne,
      displayName: 'Sanne de Vries',
      userPrincipalName: 'behandelaar@zaakwerk.test',
      mail: null,
      groupIds: ['g-1', 'g-2'],
      appRoles: ['Zaakwerk.Coordinator'],
    });
  });

  it('reuses the API role assignments for five minutes, then loads them again', async () => {
    const loads = () => requests.filter((r) => r.startsWith(`/graph/v1.0/servicePrincipals(`)).length;
    await directory.findUser(sanne);
    const before = loads();
    clock += 4 * 60_000;
    await directory.findUser(sanne);
    expect(loads()).toBe(before);
    clock += 2 * 60_000;
    await directory.findUser(sanne);
    expect(loads()).toBe(before + 1);
  });

  it('answers null for a user Graph does not know', async () => {
    await expect(directory.findUser('b0000099-5a1e-4d2c-9f00-000000000099')).resolves.toBeNull();
  });
});
