import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { apiUserScope, demoTenant, passwordGrantToken, startM365TestStack, type M365TestStack } from '../../infra/local/src/m365';

jest.setTimeout(90_000);

let stack: M365TestStack;
beforeAll(async () => {
  stack = await startM365TestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function countRows(table: string): Promise<number> {
  const client = TableClient.fromConnectionString(stack.azurite.connectionString, table, { allowInsecureConnection: true });
  let count = 0;
  for await (const _ of client.listEntities()) count++;
  return count;
}

const health = async (): Promise<number> => (await fetch(`${stack.m365.url}/_local/health`)).status;

describe('the local Microsoft 365 across restarts', () => {
  it('keeps its signing key: same kid after a restart, and tokens from before still verify', async () => {
    const before = await passwordGrantToken(stack.m365, 'behandelaar', 'dev', apiUserScope);
    const stored = JSON.parse(await readFile(join(stack.dataDir, 'm365', 'signing-keys.json'), 'utf8')) as {
      keys: Array<{ kid: string }>;
    };
    expect(decodeProtectedHeader(before).kid).toBe(stored.keys[0]?.kid);

    const m365 = await stack.restartM365();
    const jwks = (await (await fetch(m365.jwksUri)).json()) as { keys: Array<{ kid: string; d?: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual([stored.keys[0]?.kid]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { payload } = await jwtVerify(before, createRemoteJWKSet(new URL(m365.jwksUri)), {
      issuer: m365.issuer,
      audience: demoTenant.apiApp.clientId,
    });
    expect(payload.oid).toBe(demoTenant.personas[0].id);
  });

  it('seeds the directory idempotently: restarting does not duplicate users, groups or memberships', async () => {
    await stack.restartM365();
    await stack.restartM365();
    expect(await countRows('M365Users')).toBe(demoTenant.personas.length);
    expect(await countRows('M365Groups')).toBe(demoTenant.groups.length);
    expect(await countRows('M365Memberships')).toBe(demoTenant.personas.reduce((n, p) => n + p.groups.length, 0));
    const token = await passwordGrantToken(stack.m365, 'beheerder', 'dev', 'User.ReadBasic.All');
    const users = (await (
      await fetch(`${stack.m365.graphBaseUrl}/v1.0/users`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { value: unknown[] };
    expect(users.value).toHaveLength(demoTenant.personas.length);
  });

  it('keeps documents in Azurite, so they survive a restart of the local Microsoft 365', async () => {
    const token = await passwordGrantToken(stack.m365, 'archivaris', 'dev', 'Files.ReadWrite.All');
    const url = `${stack.m365.graphBaseUrl}/v1.0/drives/${demoTenant.sharePoint.driveId}/root:/Archief/besluit.txt:/content`;
    expect((await fetch(url, { method: 'PUT', body: 'bewaren', headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      201,
    );
    await stack.restartM365();
    const content = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(await content.text()).toBe('bewaren');
  });

  it('reports unhealthy while Azurite is down and recovers, without a restart, once it is back', async () => {
    expect(await health()).toBe(200);
    await stack.azurite.stop();
    const whileDown = await fetch(`${stack.m365.url}/_local/health`);
    expect(whileDown.status).toBe(503);
    expect(await whileDown.json()).toMatchObject({ status: 'unhealthy', storage: 'down' });

    await stack.azurite.restart();
    expect(await health()).toBe(200);
    // Azurite ran in memory, so it came back empty: the health check re-created and re-seeded the tables.
    await expect(passwordGrantToken(stack.m365, 'kcc', 'dev', apiUserScope)).resolves.toEqual(expect.any(String));
  });

  it('refuses a malformed fault request with a message naming the problem', async () => {
    const bad = await fetch(`${stack.m365.url}/_local/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 500 }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/status/);
  });
});
