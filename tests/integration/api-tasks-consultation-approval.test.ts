import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { caseSteps, jsonOf, persona, problemOf, type Json } from './support/case-steps';
import { startLocalApi, type Login, type LocalApi } from './support/local-api';

/**
 * Tasks and closing through HTTP on the local stack (issue 4 items 2–3): a consultation answered by a
 * colleague without a Zaakwerk role, a coordinator approval that a business rule requires before the case
 * may close, archive dates on closing, cleared on reopening. Information requests and group tasks:
 * api-tasks-requests-groups.test.ts; links and retention: api-cases-links-archive.test.ts.
 */
describe('tasks, closing and reopening through HTTP on the local stack', () => {
  let local: LocalApi;

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  const { etags, act, register, tick, timeline } = caseSteps(() => local);

  describe('a subsidy of 15,000 euro: consultation, required approval, close, reopen', () => {
    let caseId = '';
    let consultationId = '';

    it('registers and takes the case', async () => {
      caseId = await register('Zomerfestival 2026', { bedrag: 15000, regeling: 'cultuur' });
    });

    it('asks the adviseur (no Zaakwerk role) for advice: 201 with the task and the case ETag', async () => {
      const joost = persona('adviseur');
      const created = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/tasks`, {
        kind: 'consultation',
        title: 'Financiële toets begroting',
        assigneeId: joost.id,
        dueOn: '2026-12-31',
      });
      expect(created.status).toBe(201);
      const task = await jsonOf(created);
      consultationId = String(task.id);
      expect(consultationId).toBe(`${caseId}.1`);
      expect(task).toMatchObject({ kind: 'consultation', status: 'open', assignee: { id: joost.id, name: 'Joost Mulder' } });
      expect(created.headers.get('etag')).toBe(etags.get(caseId));
    });

    /** GET /tasks?mine as `login`, polled until `done` holds: the read model follows the outbox a moment later. */
    const myTasksUntil = async (login: Login, done: (ids: string[]) => boolean): Promise<string[]> => {
      for (let attempt = 0; ; attempt++) {
        const response = await local.call(login, 'GET', '/tasks?mine=true');
        expect(response.status).toBe(200);
        const ids = ((await jsonOf(response)).items as Json[]).map((item) => String(item.id));
        if (done(ids) || attempt >= 60) return ids;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    it('lists the consultation among the adviseur’s own tasks (GET /tasks?mine=true)', async () => {
      expect(await myTasksUntil('adviseur', (ids) => ids.includes(consultationId))).toContain(consultationId);
      expect(await myTasksUntil('behandelaar', () => true)).not.toContain(consultationId);
    });

    it('lets the consulted adviseur read this case while the task is open, and no other case', async () => {
      expect((await local.call('adviseur', 'GET', `/cases/${caseId}`)).status).toBe(200);
      const other = await register('Subsidie zonder advies', { regeling: 'cultuur', bedrag: 500 });
      expect(await problemOf(await local.call('adviseur', 'GET', `/cases/${other}`))).toMatchObject({
        status: 404,
        code: 'case.not-found',
      });
      expect((await local.call('adviseur', 'GET', `/cases/${other}/timeline`)).status).toBe(404);
    });

    it("refuses the case's own handler answering the adviseur's consultation (403)", async () => {
      const refused = await act('behandelaar', caseId, 'POST', `/tasks/${consultationId}/complete`, { response: 'zelf gedaan' });
      expect(await problemOf(refused)).toMatchObject({ status: 403, code: 'task.not-allowed' });
    });

    it('lets the adviseur answer via /tasks/{id}/complete with the ETag read from the task list', async () => {
      const list = await local.call('adviseur', 'GET', `/cases/${caseId}/tasks`);
      expect(list.status).toBe(200);
      const items = (await jsonOf(list)).items as Json[];
      expect(items.find((item) => item.id === consultationId)?.abilities).toMatchObject({ complete: true, cancel: false });
      etags.set(caseId, list.headers.get('etag') ?? '');
      const answered = await act('adviseur', caseId, 'POST', `/tasks/${consultationId}/complete`, {
        response: 'Begroting sluitend; geen bezwaar',
      });
      expect(answered.status).toBe(200);
      expect(await jsonOf(answered)).toMatchObject({
        status: 'completed',
        response: 'Begroting sluitend; geen bezwaar',
        answeredBy: { id: persona('adviseur').id, name: 'Joost Mulder' },
        answeredAt: expect.any(String) as string,
      });
    });

    it('takes the adviseur’s access away once the consultation is answered: 404 on the case, its timeline and tasks', async () => {
      for (const path of [`/cases/${caseId}`, `/cases/${caseId}/timeline`, `/cases/${caseId}/tasks`]) {
        expect(await problemOf(await local.call('adviseur', 'GET', path))).toMatchObject({ status: 404, code: 'case.not-found' });
      }
    });

    it('drops the answered consultation from the adviseur’s tasks', async () => {
      expect(await myTasksUntil('adviseur', (ids) => !ids.includes(consultationId))).not.toContain(consultationId);
    });

    it('shows the question and the answer on the timeline in Dutch and English', async () => {
      const entries = await timeline(caseId);
      expect(entries.slice(0, 2).map((entry) => entry.summary)).toEqual([
        {
          nl: "Joost Mulder heeft adviesvraag 'Financiële toets begroting' beantwoord: Begroting sluitend; geen bezwaar",
          en: "Joost Mulder answered consultation 'Financiële toets begroting': Begroting sluitend; geen bezwaar",
        },
        {
          nl: "Sanne de Vries heeft adviesvraag 'Financiële toets begroting' uitgezet bij Joost Mulder",
          en: "Sanne de Vries created consultation 'Financiële toets begroting' for Joost Mulder",
        },
      ]);
    });

    it('refuses closing with 422 listing every unmet condition, the missing approval among them, and writes nothing', async () => {
      const before = (await local.caseStores().eventLog.allEvents(caseId)).length;
      const refused = await problemOf(
        await act('behandelaar', caseId, 'POST', `/cases/${caseId}/close`, { outcome: 'toegekend', on: '2026-03-02' }),
      );
      expect(refused).toMatchObject({ status: 422, code: 'case.close-gates-unmet' });
      expect(refused.errors.map(({ path, code }) => [path, code])).toEqual([
        ['checklist.ontvangst.ontvangst-bevestigd', 'checklist.item-open'],
        ['checklist.ontvangst.begroting', 'checklist.item-open'],
        ['checklist.afgerond.beschikking-verzonden', 'checklist.item-open'],
        ['rules.drempel-coordinator', 'approval.missing'],
      ]);
      expect((await local.caseStores().eventLog.allEvents(caseId)).length).toBe(before);
    });

    it('refuses an unknown outcome with 422 too', async () => {
      const refused = await problemOf(
        await act('behandelaar', caseId, 'POST', `/cases/${caseId}/close`, { outcome: 'misschien' }),
      );
      expect(refused.errors).toContainEqual(expect.objectContaining({ path: 'body.outcome', code: 'outcome.unknown' }));
    });

    let approvalId = '';
    it('requests the approval; the handler may not give it, a rejection keeps the case open', async () => {
      await tick(caseId, 'ontvangst', 'ontvangst-bevestigd');
      await tick(caseId, 'ontvangst', 'begroting');
      await tick(caseId, 'afgerond', 'beschikking-verzonden');
      const requested = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/tasks`, {
        kind: 'approval',
        title: 'Accordering boven 10.000 euro',
        assigneeId: persona('behandelaar').id,
        requiredBy: 'drempel-coordinator',
      });
      expect(requested.status).toBe(201);
      const approval = await jsonOf(requested);
      approvalId = String(approval.id);
      expect(approval).toMatchObject({ requiredBy: 'drempel-coordinator', requiredRole: 'coordinator' });

      // Assigned to herself, the handler still lacks the coordinator role the rule names.
      const own = await act('behandelaar', caseId, 'POST', `/tasks/${approvalId}/complete`, {
        response: 'ok',
        decision: 'approved',
      });
      expect(await problemOf(own)).toMatchObject({ status: 403, code: 'task.not-allowed' });

      const rejected = await act('coordinator', caseId, 'POST', `/tasks/${approvalId}/complete`, {
        response: 'Begroting te hoog',
        decision: 'rejected',
      });
      expect(rejected.status).toBe(200);
      const refused = await problemOf(
        await act('behandelaar', caseId, 'POST', `/cases/${caseId}/close`, { outcome: 'toegekend', on: '2026-03-02' }),
      );
      expect(refused.errors.map(({ path, code }) => [path, code])).toEqual([['rules.drempel-coordinator', 'approval.rejected']]);
    });

    it('closes once a coordinator approves, with the archive action and date of the outcome (10 years after 2 March 2026)', async () => {
      const again = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/tasks`, {
        kind: 'approval',
        title: 'Accordering na aanpassing',
        requiredBy: 'drempel-coordinator',
      });
      const secondId = String((await jsonOf(again)).id);
      const approved = await act('coordinator', caseId, 'POST', `/tasks/${secondId}/complete`, {
        response: 'Akkoord',
        decision: 'approved',
      });
      expect(await jsonOf(approved)).toMatchObject({ decision: 'approved', answeredBy: { name: 'Fatima El Amrani' } });

      const closed = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/close`, {
        outcome: 'toegekend',
        on: '2026-03-02',
      });
      expect(closed.status).toBe(200);
      expect(await jsonOf(closed)).toMatchObject({
        status: 'closed',
        phase: { key: 'afgerond' },
        outcome: { key: 'toegekend', name: 'Toegekend' },
        closedOn: '2026-03-02',
        archive: { action: 'destroy', actionDate: '2036-03-02', triggerDate: '2026-03-02', reason: 'computed' },
        abilities: { close: false },
      });
    });

    it('keeps a closed case read-only (409), also for its tasks', async () => {
      expect(await problemOf(await act('behandelaar', caseId, 'PATCH', `/cases/${caseId}`, { title: 'Anders' }))).toMatchObject({
        status: 409,
        code: 'case.closed',
      });
      expect(
        await problemOf(await act('behandelaar', caseId, 'POST', `/cases/${caseId}/close`, { outcome: 'toegekend' })),
      ).toMatchObject({
        status: 409,
        code: 'case.closed',
      });
      const task = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/tasks`, { kind: 'todo', title: 'Nog iets' });
      expect(task.status).toBe(409);
    });

    it('reopens for a coordinator only, clearing outcome, closing date and archive data', async () => {
      const refused = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/reopen`, { reason: 'Bezwaar' });
      expect(await problemOf(refused)).toMatchObject({ status: 403, code: 'auth.not-allowed' });
      const reopened = await act('coordinator', caseId, 'POST', `/cases/${caseId}/reopen`, {
        reason: 'Bezwaar gegrond verklaard',
      });
      expect(reopened.status).toBe(200);
      expect(await jsonOf(reopened)).toMatchObject({
        status: 'open',
        outcome: null,
        closedOn: null,
        archive: { action: null, actionDate: null, triggerDate: null, reason: 'case-reopened' },
      });
      const reopenedAgain = await act('coordinator', caseId, 'POST', `/cases/${caseId}/reopen`, { reason: 'nogmaals' });
      expect(await problemOf(reopenedAgain)).toMatchObject({ status: 409, code: 'case.not-closed' });
    });

    it('tells approval, closing and reopening on the timeline, and the chain verifies', async () => {
      const entries = await timeline(caseId);
      const summary = (type: string) => entries.find((entry) => entry.type === type)?.summary;
      expect(summary('case.closed')).toEqual({
        nl: 'Sanne de Vries heeft de zaak afgesloten met resultaat Toegekend op 2 maart 2026; archiefnominatie vernietigen per 2 maart 2036',
        en: 'Sanne de Vries closed the case with outcome Toegekend on 2 March 2026; archive action destroy on 2 March 2036',
      });
      expect(summary('case.reopened')?.en).toBe(
        'Fatima El Amrani reopened the case (Bezwaar gegrond verklaard); outcome Toegekend and archive data cleared',
      );
      expect(entries.filter((entry) => entry.type === 'case.task-completed').map((entry) => entry.summary.en)).toEqual([
        "Fatima El Amrani approved 'Accordering na aanpassing': Akkoord",
        "Fatima El Amrani rejected 'Accordering boven 10.000 euro': Begroting te hoog",
        "Joost Mulder answered consultation 'Financiële toets begroting': Begroting sluitend; geen bezwaar",
      ]);
      const count = (await local.caseStores().eventLog.allEvents(caseId)).length;
      expect(await verifyCaseChain(local.caseStores(), caseId)).toEqual({ caseId, ok: true, count });
    });
  });
});
