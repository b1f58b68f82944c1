import { jsonOf } from './support/case-steps';
import { accessLogTableName, createTableAccessLog } from '../../functions/src/adapters/table-storage/access-log.table';
import { can, type Actor } from '../../functions/src/domain/access';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { logins, persona, startAccessFixtures, type AccessFixtures } from './support/access-fixtures';
import type { CallOptions, LocalApi, Login } from './support/local-api';

type Json = Record<string, unknown>;
type Item = { user: { id: string }; purpose: string; channel: string; via: unknown; case: { id: string } };

/**
 * Access logging (inzageregistratie) through HTTP on the local stack: who read which case, through which
 * channel and for what, per case and per person; and the bot reading for a user, recorded as via the bot.
 * The four cases are those of support/access-fixtures.ts.
 */
describe('access logging and the bot on the local stack', () => {
  let local: LocalApi;
  let cases: AccessFixtures['cases'];
  let actors: AccessFixtures['actors'];

  const call = (login: Login | null, method: string, path: string, options: CallOptions = {}) =>
    local.call(login, method, path, options);

  const accessLog = async (login: Login, path: string) => {
    const response = await call(login, 'GET', path);
    return { status: response.status, body: await jsonOf(response) };
  };

  beforeAll(async () => {
    ({ local, cases, actors } = await startAccessFixtures());
  });
  afterAll(() => local?.stop());

  describe('access logging (inzageregistratie)', () => {
    beforeAll(async () => {
      // Reads the per-person report below finds: Anna's geheim case C by the coordinator, Karel's B and D by
      // the behandelaar (the matrix's probes made such reads while this was one file with api-access-matrix).
      for (const [login, fixture] of [
        ['coordinator', 'C'],
        ['behandelaar', 'B'],
        ['behandelaar', 'D'],
      ] as const) {
        expect((await call(login, 'GET', `/cases/${cases[fixture].id}`)).status).toBe(200);
      }
    });

    it('records a read of a case and of its timeline: who, channel and purpose, newest first', async () => {
      expect((await call('behandelaar2', 'GET', `/cases/${cases.A.id}`)).status).toBe(200);
      expect((await call('behandelaar2', 'GET', `/cases/${cases.A.id}/timeline`)).status).toBe(200);
      const log = await accessLog('archivaris', `/cases/${cases.A.id}/access-log?limit=2`);
      expect(log.status).toBe(200);
      const items = log.body.items as Item[];
      expect(items.map((i) => [i.user.id, i.purpose, i.channel, i.via])).toEqual([
        [persona('behandelaar2').id, 'timeline', 'api', null],
        [persona('behandelaar2').id, 'case', 'api', null],
      ]);
    });

    it('keeps the case log from those who may see the case but not its log (403) and those who may not see it (404)', async () => {
      expect((await accessLog('behandelaar', `/cases/${cases.A.id}/access-log`)).status).toBe(403);
      expect((await accessLog('archivaris', `/cases/${cases.C.id}/access-log`)).status).toBe(404);
    });

    it('finds the reads of an applicant’s cases by e-mail or name, leaving out cases above the reader’s ceiling', async () => {
      const byEmail = await accessLog('archivaris', `/access-log?applicant=${encodeURIComponent('anna@example.nl')}&limit=200`);
      const byName = await accessLog('archivaris', `/access-log?applicant=${encodeURIComponent(' anna AANVRAGER ')}&limit=200`);
      expect(byEmail.status).toBe(200);
      const caseIds = (body: Json) => new Set((body.items as Item[]).map((i) => i.case.id));
      expect([...caseIds(byEmail.body)]).toEqual([cases.A.id]);
      expect([...caseIds(byName.body)]).toEqual([cases.A.id]);
      // Anna is also the klager of the geheim case C, which the coordinator read: recorded, but not for the archivaris.
      const stored = await createTableAccessLog(local.table(accessLogTableName)).listForPerson('anna@example.nl', {
        limit: 1000,
      });
      expect(stored.records.map((r) => r.caseId)).toContain(cases.C.id);
      const karel = await accessLog('archivaris', `/access-log?applicant=karel@example.nl&limit=200`);
      expect([...caseIds(karel.body)].sort()).toEqual([cases.B.id, cases.D.id].sort());
    });

    it('refuses the per-person report to anyone without the role (403)', async () => {
      for (const login of logins) {
        const allowed = can(actors.get(login) as Actor, 'accessLog.report', { kind: 'system' });
        expect((await accessLog(login, '/access-log?applicant=anna@example.nl')).status).toBe(allowed ? 200 : 403);
      }
    });
  });

  describe('the bot acting for a user', () => {
    const clientCredentials = async (clientId: string, clientSecret: string): Promise<string | null> => {
      const response = await fetch(local.m365.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: `${demoTenant.apiApp.appIdUri}/.default`,
        }),
      });
      if (response.status !== 200) return null;
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const botToken = async () => {
      const token = await clientCredentials(demoTenant.botApp.clientId, demoTenant.botApp.clientSecret);
      if (!token) throw new Error('the bot gets a token');
      return token;
    };
    const asBot = async (actingFor: Login, method: string, path: string, options: CallOptions = {}) =>
      fetch(`${local.api}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await botToken()}`,
          'x-zaakwerk-acting-user': persona(actingFor).id,
          ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
      });

    it('lets the bot read for the raadpleger what the raadpleger may read, recorded as via the bot', async () => {
      const read = await asBot('raadpleger', 'GET', `/cases/${cases.A.id}`);
      expect(read.status).toBe(200);
      expect((await jsonOf(read)).abilities).toMatchObject({ update: false, take: false, assign: false });
      expect((await asBot('raadpleger', 'GET', `/cases/${cases.B.id}`)).status).toBe(404);
      const log = await accessLog('archivaris', `/cases/${cases.A.id}/access-log?limit=1`);
      expect((log.body.items as Item[])[0]).toMatchObject({
        user: { id: persona('raadpleger').id },
        channel: 'bot',
        via: { appId: demoTenant.botApp.clientId },
      });
    });

    it('does not let the raadpleger change a case through the bot, even with the current ETag', async () => {
      const current = await asBot('raadpleger', 'GET', `/cases/${cases.A.id}`);
      const etag = current.headers.get('etag') ?? '';
      const { eventLog } = local.caseStores();
      const before = (await eventLog.allEvents(cases.A.id)).length;
      const attempts = [
        ['PATCH', `/cases/${cases.A.id}`, { title: 'Via de bot' }],
        ['POST', `/cases/${cases.A.id}/take`, undefined],
        ['POST', `/cases/${cases.A.id}/assign`, { assigneeId: persona('raadpleger').id }],
      ] as const;
      for (const [method, path, json] of attempts) {
        const response = await asBot('raadpleger', method, path, { json, headers: { 'if-match': etag } });
        expect({ path, status: response.status, code: (await jsonOf(response)).code }).toEqual({
          path,
          status: 403,
          code: 'auth.not-allowed',
        });
      }
      expect(await eventLog.allEvents(cases.A.id)).toHaveLength(before);
    });

    it('ignores the acting-user header from any caller but the bot (401 or 403), also for reads and changes', async () => {
      const header = { 'x-zaakwerk-acting-user': persona('coordinator').id };
      for (const [method, path] of [
        ['GET', `/cases/${cases.A.id}`],
        ['PATCH', `/cases/${cases.A.id}`],
        ['GET', '/cases?queue=mine'],
      ] as const) {
        const options = {
          headers: { ...header, 'if-match': 'W/"stale"' },
          ...(method === 'PATCH' ? { json: { title: 'x' } } : {}),
        };
        const asUser = await call('raadpleger', method, path, options);
        expect({ status: asUser.status, code: (await jsonOf(asUser)).code }).toEqual({
          status: 403,
          code: 'auth.acting-user-not-allowed',
        });
        expect((await call(null, method, path, options)).status).toBe(401);
      }
      // The API's own app identity is not the bot either.
      const apiAppToken = await clientCredentials(demoTenant.apiApp.clientId, demoTenant.apiApp.clientSecret);
      if (apiAppToken) {
        const response = await fetch(`${local.api}/cases/${cases.A.id}`, {
          headers: { authorization: `Bearer ${apiAppToken}`, ...header },
        });
        expect([401, 403]).toContain(response.status);
      }
    });
  });
});
