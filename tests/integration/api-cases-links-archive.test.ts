import { caseSteps, jsonOf, problemOf } from './support/case-steps';
import { startLocalApi, type LocalApi } from './support/local-api';

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
 * Links between cases and retention through HTTP on the local stack (issue 5 item 3): the records
 * manager's late field value and manual date, and a complaint's archive date from its parent's closing.
 */
describe('links and retention through HTTP on the local stack', () => {
  let local: LocalApi;

  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: withArchiveTriggers });
  });
  afterAll(() => local?.stop());

  const { etags, act, register, tick, timeline } = caseSteps(() => local);

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
