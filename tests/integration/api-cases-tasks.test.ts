import { verifyCaseChain } from '../../functions/src/app/audit/verify-case-chain';
import { demoTenant } from '../../infra/local/src/m365/demo-tenant';
import { startLocalApi, type CallOptions, type Login, type LocalApi } from './support/local-api';

type Json = Record<string, unknown>;
type Entry = { type: string; summary: { nl: string; en: string } };
type Problem = { status: number; code: string; errors: { path: string; code: string }[] };

const persona = (login: string) => {
  const found = demoTenant.personas.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return found;
};

/**
 * The shipped subsidieaanvraag, with two outcomes given the other archive triggers so they can be shown
 * through HTTP: `afgewezen` counts 5 years from the date field `activiteitDatum`, `buiten-behandeling`
 * 1 year from a date the records manager sets; and the klacht's `gegrond` from its parent's closing.
 */
function withArchiveTriggers(files: { name: string; text: string }[]): { name: string; text: string }[] {
  return files.map(({ name, text }) => {
    if (name === 'klacht.yaml') {
      // A complaint about part of a larger case: `gegrond` counts 1 year from the parent's closing date.
      const changed = text.replace(
        '    name: Gegrond\n    archive: { action: destroy, period: P1Y, trigger: closed }',
        '    name: Gegrond\n    archive: { action: destroy, period: P1Y, trigger: parent }',
      );
      if (changed === text) throw new Error('the shipped klacht outcome gegrond changed');
      return { name, text: changed };
    }
    if (name !== 'subsidieaanvraag.yaml') return { name, text };
    const changed = text
      .replace(
        '{ key: afgewezen, name: Afgewezen, archive: { action: destroy, period: P5Y, trigger: closed } }',
        '{ key: afgewezen, name: Afgewezen, archive: { action: destroy, period: P5Y, trigger: field, field: activiteitDatum } }',
      )
      .replace(
        'archive: { action: destroy, period: P1Y, trigger: closed } }',
        'archive: { action: destroy, period: P1Y, trigger: manual } }',
      );
    if (changed.split('trigger: closed').length !== 2) throw new Error('the shipped subsidieaanvraag outcomes changed');
    return { name, text: changed };
  });
}

/**
 * Tasks, closing and retention through HTTP on the local stack (issue 4 items 2–3, issue 5 item 3): a
 * consultation answered by a colleague without a Zaakwerk role, a coordinator approval that a business
 * rule requires before the case may close, archive dates on closing, cleared on reopening, and the
 * records manager's late field value and manual date.
 */
describe('tasks, closing and retention through HTTP on the local stack', () => {
  let local: LocalApi;

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: withArchiveTriggers });
  });
  afterAll(() => local?.stop());

  const jsonOf = async (response: Response) => (await response.json()) as Json;
  const etags = new Map<string, string>();
  /** Calls as `login` on a case, with its last known ETag as If-Match; remembers the new ETag. */
  const act = async (login: Login, caseId: string, method: string, path: string, json?: unknown) => {
    const options: CallOptions = { headers: { 'if-match': etags.get(caseId) ?? '' }, ...(json === undefined ? {} : { json }) };
    const response = await local.call(login, method, path, options);
    if (response.ok) etags.set(caseId, response.headers.get('etag') ?? '');
    return response;
  };
  const register = async (title: string, fields: Json, receivedOn = '2026-02-02') => {
    const response = await local.call('behandelaar', 'POST', '/cases', {
      json: {
        caseType: 'subsidieaanvraag',
        title,
        receivedOn,
        parties: [{ role: 'aanvrager', name: 'Stichting Cultuur' }],
        fields,
      },
    });
    expect(response.status).toBe(201);
    const id = String((await jsonOf(response)).id);
    etags.set(id, response.headers.get('etag') ?? '');
    expect((await act('behandelaar', id, 'POST', `/cases/${id}/take`)).status).toBe(200);
    return id;
  };
  const tick = async (caseId: string, phase: string, item: string) =>
    expect((await act('behandelaar', caseId, 'POST', `/cases/${caseId}/checklist`, { phase, item, done: true })).status).toBe(
      200,
    );
  const problemOf = async (response: Response): Promise<Problem> => ({
    status: response.status,
    ...((await response.json()) as Omit<Problem, 'status'>),
  });
  const timeline = async (caseId: string) =>
    (await jsonOf(await local.call('behandelaar', 'GET', `/cases/${caseId}/timeline?limit=200`))).items as Entry[];

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

  describe('links between cases', () => {
    it('links a child case: each side shows its own view, and unlinking removes both', async () => {
      const parent = await register('Evenementenprogramma', { bedrag: 900, regeling: 'cultuur' });
      const child = await register('Deelactiviteit', { bedrag: 300, regeling: 'cultuur' });
      const linked = await act('behandelaar', parent, 'POST', `/cases/${parent}/links`, { kind: 'child', case: child });
      expect(linked.status).toBe(200);
      const parentBody = await jsonOf(linked);
      const childBody = await jsonOf(await local.call('behandelaar', 'GET', `/cases/${child}`));
      const level = { caseType: 'subsidieaanvraag', confidentiality: 'intern' };
      expect(parentBody.links).toEqual([{ kind: 'child', caseId: child, number: childBody.number, ...level }]);
      expect(childBody.links).toEqual([{ kind: 'parent', caseId: parent, number: parentBody.number, ...level }]);

      const unlinked = await act('behandelaar', parent, 'DELETE', `/cases/${parent}/links/${child}`);
      expect(unlinked.status).toBe(200);
      expect((await jsonOf(unlinked)).links).toEqual([]);
      expect((await jsonOf(await local.call('behandelaar', 'GET', `/cases/${child}`))).links).toEqual([]);
    });
  });

  describe("the records manager's archive endpoint", () => {
    const closeReady = async (title: string, outcome: string) => {
      const caseId = await register(title, { bedrag: 500, regeling: 'sport' });
      await tick(caseId, 'ontvangst', 'ontvangst-bevestigd');
      await tick(caseId, 'ontvangst', 'begroting');
      await tick(caseId, 'afgerond', 'beschikking-verzonden');
      const closed = await act('behandelaar', caseId, 'POST', `/cases/${caseId}/close`, { outcome, on: '2026-03-02' });
      expect(closed.status).toBe(200);
      return { caseId, body: await jsonOf(closed) };
    };

    it('trigger field: no date while the field is empty; the late value set by the records manager gives one (29 Feb 2028 + 5 years)', async () => {
      const { caseId, body } = await closeReady('Sporttoernooi', 'afgewezen');
      expect(body.archive).toMatchObject({ action: 'destroy', actionDate: null, reason: 'field-empty' });

      const byHandler = await act('behandelaar', caseId, 'PUT', `/cases/${caseId}/archive`, {
        triggerDate: '2028-02-29',
        reason: 'x',
      });
      expect(byHandler.status).toBe(403);
      const set = await act('archivaris', caseId, 'PUT', `/cases/${caseId}/archive`, {
        triggerDate: '2028-02-29',
        reason: 'Datum activiteit alsnog bekend',
      });
      expect(set.status).toBe(200);
      expect(await jsonOf(set)).toMatchObject({
        fields: { activiteitDatum: '2028-02-29' },
        archive: { action: 'destroy', actionDate: '2033-02-28', triggerDate: '2028-02-29', reason: 'computed' },
      });
      const entry = (await timeline(caseId))[0];
      expect(entry).toMatchObject({ type: 'case.archive-set' });
      expect(entry?.summary.nl).toBe(
        'Marieke van den Berg heeft de archiefgegevens bijgewerkt (Datum activiteit alsnog bekend); archiefnominatie vernietigen per 28 februari 2033',
      );
    });

    it('trigger manual: empty until the records manager sets the date; refused without one', async () => {
      const { caseId, body } = await closeReady('Buiten behandeling', 'buiten-behandeling');
      expect(body.archive).toMatchObject({ action: 'destroy', actionDate: null, reason: 'manual-date-not-set' });
      const without = await act('archivaris', caseId, 'PUT', `/cases/${caseId}/archive`, { reason: 'herberekenen' });
      expect(await problemOf(without)).toMatchObject({ status: 422, code: 'archive.trigger-date-required' });
      const set = await act('archivaris', caseId, 'PUT', `/cases/${caseId}/archive`, {
        triggerDate: '2026-06-30',
        reason: 'Besluit archiefbeheer',
      });
      expect(await jsonOf(set)).toMatchObject({
        archive: { actionDate: '2027-06-30', manualDate: '2026-06-30', reason: 'computed' },
      });
    });

    it("trigger parent: a complaint linked to its closed parent counts from the parent's closing (2 March 2026 + 1 year)", async () => {
      const { caseId: parent } = await closeReady('Hoofdzaak', 'toegekend');
      const registered = await local.call('behandelaar', 'POST', '/cases', {
        json: {
          caseType: 'klacht',
          title: 'Klacht over afhandeling',
          receivedOn: '2026-02-10',
          fields: { omschrijving: 'Te traag' },
        },
      });
      expect(registered.status).toBe(201);
      const child = String((await jsonOf(registered)).id);
      etags.set(child, registered.headers.get('etag') ?? '');
      expect((await act('behandelaar', child, 'POST', `/cases/${child}/take`)).status).toBe(200);
      for (const [phase, item] of [
        ['registratie', 'ontvangst-bevestigd'],
        ['registratie', 'klachtwaardig'],
        ['afhandeling', 'brief-verzonden'],
      ] as const) {
        await tick(child, phase, item);
      }
      expect((await act('behandelaar', child, 'PATCH', `/cases/${child}`, { fields: { oordeel: 'gegrond' } })).status).toBe(200);
      const linked = await act('behandelaar', child, 'POST', `/cases/${child}/links`, { kind: 'parent', case: parent });
      expect(linked.status).toBe(200);
      // The closed parent still gets its back-reference to the child.
      expect((await jsonOf(await local.call('behandelaar', 'GET', `/cases/${parent}`))).links).toMatchObject([
        { kind: 'child', caseId: child },
      ]);

      const closed = await act('behandelaar', child, 'POST', `/cases/${child}/close`, { outcome: 'gegrond', on: '2026-03-05' });
      expect(closed.status).toBe(200);
      expect((await jsonOf(closed)).archive).toMatchObject({
        actionDate: '2027-03-02',
        triggerDate: '2026-03-02',
        reason: 'computed',
      });
    });

    it('refuses a trigger date for trigger closed (derived) and the archive of an open case', async () => {
      const { caseId } = await closeReady('Toegekend klein', 'toegekend');
      const derived = await act('archivaris', caseId, 'PUT', `/cases/${caseId}/archive`, {
        triggerDate: '2026-06-30',
        reason: 'x',
      });
      expect(await problemOf(derived)).toMatchObject({ status: 422, code: 'archive.trigger-date-derived' });
      const open = await register('Nog open', { bedrag: 100, regeling: 'sport' });
      const refused = await act('archivaris', open, 'PUT', `/cases/${open}/archive`, { reason: 'x' });
      expect(await problemOf(refused)).toMatchObject({ status: 409, code: 'case.not-closed' });
    });
  });
});
