import { jsonOf } from './support/case-steps';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import { can } from '../../functions/src/domain/access';
import {
  fixtures,
  inADay,
  logins,
  persona,
  startAccessFixtures,
  type AccessFixtures,
  type Fixture,
} from './support/access-fixtures';
import type { CallOptions, LocalApi, Login } from './support/local-api';

/**
 * Access through lists and shares on the local stack: each persona's own queue shows exactly the assigned
 * cases the policy lets them see, and sharing one case gives a colleague read access until it is revoked.
 * The four cases are those of support/access-fixtures.ts.
 */
describe('access in lists and shares on the local stack', () => {
  let local: LocalApi;
  let cases: AccessFixtures['cases'];
  let actors: AccessFixtures['actors'];

  const call = (login: Login | null, method: string, path: string, options: CallOptions = {}) =>
    local.call(login, method, path, options);

  beforeAll(async () => {
    ({ local, cases, actors } = await startAccessFixtures());
  });
  afterAll(() => local?.stop());

  describe('lists and counts', () => {
    const assignedRows = async (login: Login): Promise<string[]> => {
      const ids: string[] = [];
      const rows = local.table(workQueueTableName).listEntities<{ caseId: string }>({
        queryOptions: { filter: `PartitionKey eq 'assignee:${persona(login).id}'` },
      });
      for await (const row of rows) ids.push(row.caseId);
      return ids;
    };

    beforeAll(async () => {
      // The projector runs from the outbox queue; wait until the assigned cases are in their queues.
      const wanted: [Login, Fixture][] = [
        ['kcc', 'B'],
        ['behandelaar', 'C'],
        ['adviseur', 'D'],
      ];
      for (let attempt = 0; attempt < 100; attempt++) {
        const present = await Promise.all(wanted.map(async ([login, f]) => (await assignedRows(login)).includes(cases[f].id)));
        if (present.every(Boolean)) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the work-queue projection did not catch up');
    });

    it.each(logins)('shows %s exactly the assigned cases they may see; the count leaves the others out', async (login) => {
      const actor = actors.get(login);
      if (!actor) throw new Error('no actor');
      const expected = fixtures
        .filter((f) => cases[f].state.assignee?.id === persona(login).id)
        .filter((f) => can(actor, 'case.read', { kind: 'case', case: cases[f].state }))
        .map((f) => cases[f].id);
      const response = await call(login, 'GET', '/cases?queue=mine&limit=100');
      expect(response.status).toBe(200);
      const items = ((await jsonOf(response)).items as { id: string }[]).map((item) => item.id);
      expect(items.sort()).toEqual(expected.sort());
      expect(items).toHaveLength(expected.length);
    });

    it('hides rows that are in the queue table: the ceiling filters them, not the projection', async () => {
      expect(await assignedRows('kcc')).toContain(cases.B.id);
      expect(await assignedRows('behandelaar')).toContain(cases.C.id);
      const mine = async (login: Login) =>
        ((await jsonOf(await call(login, 'GET', '/cases?queue=mine'))).items as { id: string }[]).map((i) => i.id);
      expect(await mine('kcc')).not.toContain(cases.B.id);
      expect(await mine('behandelaar')).not.toContain(cases.C.id);
      expect(await mine('adviseur')).toContain(cases.D.id);
    });
  });

  describe('sharing one case', () => {
    it('gives a colleague without any group read access until it is revoked; the share is in the timeline', async () => {
      const current = await call('coordinator', 'GET', `/cases/${cases.A.id}`);
      expect((await call('adviseur', 'GET', `/cases/${cases.A.id}`)).status).toBe(404);
      const shared = await call('coordinator', 'POST', `/cases/${cases.A.id}/shares`, {
        json: { userId: persona('adviseur').id, access: 'read', expiresAt: inADay(), reason: 'Advies constructie' },
        headers: { 'if-match': current.headers.get('etag') ?? '' },
      });
      expect(shared.status).toBe(201);
      const share = await jsonOf(shared);
      expect(share).toMatchObject({ user: { id: persona('adviseur').id, name: 'Joost Mulder' }, access: 'read', active: true });

      expect((await call('adviseur', 'GET', `/cases/${cases.A.id}`)).status).toBe(200);
      const etag = shared.headers.get('etag') ?? '';
      const refused = await call('adviseur', 'PATCH', `/cases/${cases.A.id}`, {
        json: { title: 'x' },
        headers: { 'if-match': etag },
      });
      expect(refused.status).toBe(403);
      const listed = await jsonOf(await call('coordinator', 'GET', `/cases/${cases.A.id}/shares`));
      expect((listed.items as { id: string }[]).map((s) => s.id)).toEqual([share.id]);
      expect((await call('behandelaar', 'GET', `/cases/${cases.A.id}/shares`)).status).toBe(403);

      const revoked = await call('coordinator', 'DELETE', `/cases/${cases.A.id}/shares/${String(share.id)}`, {
        headers: { 'if-match': etag },
      });
      expect(revoked.status).toBe(204);
      expect((await call('adviseur', 'GET', `/cases/${cases.A.id}`)).status).toBe(404);
      const timeline = await jsonOf(await call('coordinator', 'GET', `/cases/${cases.A.id}/timeline?limit=2`));
      expect((timeline.items as { summary: { en: string } }[]).map((i) => i.summary.en)).toEqual([
        'Fatima El Amrani stopped sharing the case with Joost Mulder',
        expect.stringMatching(/^Fatima El Amrani shared the case with Joost Mulder until \d{4}-\d{2}-\d{2} \(read\)$/),
      ]);
    });
  });
});
