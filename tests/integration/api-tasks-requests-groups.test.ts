import { caseSteps, jsonOf, problemOf, type Json } from './support/case-steps';
import { startLocalApi, type LocalApi } from './support/local-api';

/**
 * Tasks through HTTP on the local stack (issue 4 item 2): an information request that suspends the case
 * until it is answered, and a task that names only a group.
 */
describe('information requests and group tasks through HTTP on the local stack', () => {
  let local: LocalApi;

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  const { act, register, timeline } = caseSteps(() => local);

  describe('an information request that suspends the case', () => {
    it('suspends on request and resumes when answered, with the deadline recomputed', async () => {
      const caseId = await register('Buurtfeest', { bedrag: 800, regeling: 'cultuur' }, '2026-11-02');
      const before = (await jsonOf(await local.call('behandelaar', 'GET', `/cases/${caseId}`))).deadline as Json;
      const created = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/tasks`, {
        kind: 'informationRequest',
        title: 'Begroting ontbreekt',
        suspendCase: true,
        term: 'P2W',
      });
      expect(created.status).toBe(201);
      const task = await jsonOf(created);
      expect(task).toMatchObject({ suspendsCase: true, dueOn: expect.any(String) as string });
      const suspended = await jsonOf(await local.call('behandelaar', 'GET', `/cases/${caseId}`));
      expect(suspended).toMatchObject({
        status: 'suspended',
        deadline: { final: null },
        suspensions: [{ reason: 'Begroting ontbreekt', term: 'P2W', until: null }],
      });

      const answered = await act('behandelaar', caseId, 'POST', `/tasks/${String(task.id)}/complete`, {
        response: 'Begroting ontvangen',
      });
      expect(answered.status).toBe(200);
      const resumed = await jsonOf(await local.call('behandelaar', 'GET', `/cases/${caseId}`));
      expect(resumed.status).toBe('open');
      expect((resumed.suspensions as Json[])[0]?.until).toEqual(expect.any(String));
      // Suspended and resumed on the same day: no day suspended, so the final date is as before.
      expect((resumed.deadline as Json).final).toBe(before.final);
      const types = (await timeline(caseId)).slice(0, 4).map((entry) => entry.type);
      expect(types).toEqual(['case.resumed', 'case.task-completed', 'case.suspended', 'case.task-created']);
    });
  });

  describe('tasks that name only a group', () => {
    const coordinators = 'a1b2c3d4-0002-4000-8000-000000000002';
    it("are listed for the group's members (GET /tasks?group=), not for others (403)", async () => {
      const caseId = await register('Groepstaak', { bedrag: 700, regeling: 'sport' });
      const created = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/tasks`, {
        kind: 'todo',
        title: 'Budget controleren',
        assigneeGroup: coordinators,
      });
      const taskId = String((await jsonOf(created)).id);
      let ids: string[] = [];
      for (let attempt = 0; attempt < 60 && !ids.includes(taskId); attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
        const listed = await local.call('coordinator', 'GET', `/tasks?group=${coordinators}`);
        expect(listed.status).toBe(200);
        ids = ((await jsonOf(listed)).items as Json[]).map((item) => String(item.id));
      }
      expect(ids).toContain(taskId);
      expect((await local.call('behandelaar', 'GET', `/tasks?group=${coordinators}`)).status).toBe(403);
      expect(await problemOf(await local.call('behandelaar', 'GET', '/tasks'))).toMatchObject({ status: 400 });
    });
  });
});
