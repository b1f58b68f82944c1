import { TableClient } from '@azure/data-tables';
import type { RunningFunctionsHost } from '../../infra/local/src/functions-host';
import { passwordGrantToken, type LocalM365, type M365TestStack } from '../../infra/local/src/m365';
import { demoTenant, personaUpn, type DemoPersona } from '../../infra/local/src/m365/demo-tenant';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import { plantWorkQueueRow } from './support/work-queue-row';
import { apiUserScope as apiScope, startLocalApi } from './support/local-api';

const persona = (login: string) => {
  const found = demoTenant.personas.find((p) => p.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return found;
};

/**
 * The API as it runs locally: register(app) served by the local Functions host, configured for
 * Azurite and the local Microsoft 365 on free ports; tokens come from the local Microsoft 365.
 */
describe('the API on the local stack', () => {
  let stack: M365TestStack;
  let m365: LocalM365;
  let host: RunningFunctionsHost;
  let api: string;
  const hostLog: string[] = [];

  beforeAll(async () => {
    const local = await startLocalApi({ log: (line) => hostLog.push(line) });
    ({ stack, m365, host, api } = local);
  });
  afterAll(async () => {
    await host?.close();
    await stack?.stop();
  });

  const userToken = (login: DemoPersona['login']) =>
    passwordGrantToken(m365, personaUpn({ login }), demoTenant.password, apiScope);

  async function botToken(): Promise<string> {
    const response = await fetch(m365.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: demoTenant.botApp.clientId,
        client_secret: demoTenant.botApp.clientSecret,
        scope: `${demoTenant.apiApp.appIdUri}/.default`,
      }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  describe('GET /api/v1/me', () => {
    it('accepts a token from the local Microsoft 365 and answers with the persona', async () => {
      const sanne = persona('behandelaar');
      const response = await fetch(`${api}/me`, { headers: { authorization: `Bearer ${await userToken('behandelaar')}` } });
      expect(response.status).toBe(200);
      const me = (await response.json()) as Record<string, unknown>;
      expect(me).toMatchObject({
        id: sanne.id,
        name: sanne.displayName,
        upn: personaUpn(sanne),
        tenantId: demoTenant.tenantId,
        roles: [],
        caseTypes: [],
      });
      expect(me.via).toBeUndefined();
    });

    it('gives the coordinator persona the coordinator role', async () => {
      const response = await fetch(`${api}/me`, { headers: { authorization: `Bearer ${await userToken('coordinator')}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ name: persona('coordinator').displayName, roles: ['coordinator'] });
    });

    it('answers a tampered token with 401 problem+json', async () => {
      const token = await userToken('behandelaar');
      const [header, payload] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, oid: persona('beheerder').id })).toString('base64url')}.${token.split('.')[2]}`;
      const response = await fetch(`${api}/me`, { headers: { authorization: `Bearer ${forged}` } });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(await response.json()).toMatchObject({ code: 'auth.invalid-token' });
    });

    it('lets the bot act for a user with its client-credentials token and X-Zaakwerk-Acting-User', async () => {
      const fatima = persona('coordinator');
      const response = await fetch(`${api}/me`, {
        headers: { authorization: `Bearer ${await botToken()}`, 'x-zaakwerk-acting-user': fatima.id },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        id: fatima.id,
        name: fatima.displayName,
        upn: personaUpn(fatima),
        roles: ['coordinator'],
        via: 'bot',
      });
    });

    it('refuses X-Zaakwerk-Acting-User on a user token with 403', async () => {
      const response = await fetch(`${api}/me`, {
        headers: { authorization: `Bearer ${await userToken('behandelaar')}`, 'x-zaakwerk-acting-user': persona('beheerder').id },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'auth.acting-user-not-allowed' });
    });
  });

  describe('GET /api/v1/cases?queue=mine', () => {
    it('returns the caller’s rows from the work-queue table, earliest deadline first', async () => {
      const sanne = persona('behandelaar');
      const table = TableClient.fromConnectionString(stack.azurite.connectionString, workQueueTableName, {
        allowInsecureConnection: true,
      });
      const row = (n: number, finalDeadline: string, assignee = sanne) => ({
        caseId: `0c6f6a2e-0000-4d2a-9b1e-5a000000090${n}`,
        number: `ZAAK-2026-00090${n}`,
        title: `Testzaak ${n}`,
        caseTypeKey: 'klacht',
        caseTypeName: 'Klacht',
        status: 'open' as const,
        phaseKey: 'intake',
        phaseName: 'Intake',
        finalDeadline,
        receivedOn: '2026-01-02',
        assigneeId: assignee.id,
        assigneeName: assignee.displayName,
        confidentiality: 'intern' as const,
      });
      await plantWorkQueueRow(table, row(1, '2026-05-01'));
      await plantWorkQueueRow(table, row(2, '2026-02-01'));
      await plantWorkQueueRow(table, row(3, '2026-03-01', persona('behandelaar2')));

      const response = await fetch(`${api}/cases?queue=mine`, {
        headers: { authorization: `Bearer ${await userToken('behandelaar')}` },
      });
      expect(response.status).toBe(200);
      const list = (await response.json()) as {
        items: { number: string; deadline: { final: string } }[];
        nextCursor: string | null;
      };
      expect(list.items.map((i) => [i.number, i.deadline.final])).toEqual([
        ['ZAAK-2026-000902', '2026-02-01'],
        ['ZAAK-2026-000901', '2026-05-01'],
      ]);
      expect(list.nextCursor).toBeNull();
    });

    it('answers 400 for a queue other than mine, team or all', async () => {
      const response = await fetch(`${api}/cases?queue=everything`, {
        headers: { authorization: `Bearer ${await userToken('behandelaar')}` },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'query.queue' }] });
    });
  });

  describe('GET /api/v1/health', () => {
    const health = async () => {
      const response = await fetch(`${api}/health`);
      return {
        status: response.status,
        body: (await response.json()) as { status: string; dependencies: Record<string, { status: string }> },
      };
    };

    it('is 200 with all dependencies up, 503 with storage down while Azurite is stopped, and 200 again after it restarts', async () => {
      const before = await health();
      expect(before.status).toBe(200);
      expect(before.body.status).toBe('ok');
      expect(Object.values(before.body.dependencies).map((d) => d.status)).toEqual(['up', 'up', 'up']);

      await stack.azurite.stop();
      const during = await health();
      expect(during.status).toBe(503);
      expect(during.body.dependencies.storage?.status).toBe('down');
      expect(during.body.dependencies.identity?.status).toBe('up');

      await stack.azurite.restart();
      const after = await health();
      expect(after.status).toBe(200);
      expect(after.body.status).toBe('ok');
    });
  });
});
