import { guardFor } from '../../test-support/access-guard';
import type { CaseType } from '../../contract/case-type';
import type { CaseState } from '../../domain/cases';
import { parseLocalDate } from '../../domain/calendar';
import { aCaseState } from '../../test-support/a-case-state';
import { aPrincipal, inMemoryCases, silentLog } from '../../test-support/in-memory-cases';
import { shippedCaseType } from '../../test-support/shipped-case-type';
import { closeCase } from './close-case';
import { reopenCase } from './reopen-case';
import { setCaseArchive } from './set-case-archive';

const bea = aPrincipal('oid-bea', 'Bea Behandelaar');
const fatima = aPrincipal('oid-fatima', 'Fatima El Amrani', ['coordinator']);
const marieke = aPrincipal('oid-marieke', 'Marieke van den Berg', ['recordsManager']);

/** The storingsonderhoud type with outcomes for several triggers and a date field, to reach each trigger through the use cases. */
function withOutcomes(archive: Record<string, CaseType['outcomes'][number]>): CaseType {
  const type = shippedCaseType('storingsonderhoud-netwerk');
  const gereed = { key: 'gereedDatum', label: 'Gereed gemeld op', type: 'date' as const, required: false };
  return { ...type, fields: [...type.fields, gereed], outcomes: Object.values(archive) };
}
const storing = withOutcomes({
  hersteld: {
    key: 'hersteld',
    name: 'Hersteld',
    archive: { action: 'destroy', period: 'P7Y', trigger: 'closed' },
    satisfactionSurvey: false,
  },
  related: {
    key: 'gebundeld',
    name: 'Gebundeld',
    archive: { action: 'destroy', period: 'P5Y', trigger: 'related' },
    satisfactionSurvey: false,
  },
  manual: {
    key: 'handmatig',
    name: 'Handmatig',
    archive: { action: 'retain', period: 'P20Y', trigger: 'manual' },
    satisfactionSurvey: false,
  },
  field: {
    key: 'veld',
    name: 'Veld',
    archive: { action: 'destroy', period: 'P1Y', trigger: 'field', field: 'gereedDatum' },
    satisfactionSurvey: false,
  },
});

/** A storingsonderhoud case with every gate met (checklists ticked), so only what a test changes matters. */
function aReadyCase(overrides: Partial<CaseState> = {}): CaseState {
  const checklist: CaseState['checklist'] = {};
  for (const phase of storing.phases) {
    checklist[phase.key] = Object.fromEntries(phase.checklist.flatMap((item) => ('label' in item ? [[item.key, true]] : [])));
  }
  const lastOpen = storing.phases.filter((phase) => !phase.final).at(-1)!;
  const fields: CaseState['fields'] = {};
  for (const key of storing.phases.find((phase) => phase.final)?.requiredFields ?? []) fields[key] = '2026-03-01';
  return aCaseState({
    id: 'c-1',
    caseType: { key: storing.key, version: 1, name: storing.name },
    phase: { key: lastOpen.key, name: lastOpen.name },
    receivedOn: '2026-01-05',
    checklist,
    fields,
    ...overrides,
  });
}
const setUp = (...cases: CaseState[]) => inMemoryCases({ cases, caseTypes: [storing], now: '2026-03-10T10:00:00.000Z' });
const close = (outcome: string, on = '2026-03-10') => ({ caseId: 'c-1', ifMatch: 'W/"1"', outcome, on: parseLocalDate(on) });

describe('closeCase', () => {
  it('closes with the archive action and date of the outcome (10 March 2026 + 7 years)', async () => {
    const { deps } = setUp(aReadyCase());
    const closed = await closeCase(deps, bea, close('hersteld'), silentLog);
    expect(closed.state).toMatchObject({
      status: 'closed',
      closedOn: '2026-03-10',
      outcome: { key: 'hersteld', name: 'Hersteld' },
      archive: { action: 'destroy', actionDate: '2033-03-10', triggerDate: '2026-03-10', reason: 'computed' },
    });
  });

  it('is refused with 422 listing the unmet conditions, writing nothing', async () => {
    const { deps, commits } = setUp(aReadyCase({ checklist: {} }));
    const refused = await closeCase(deps, bea, close('bestaat-niet'), silentLog).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'rule-violation', code: 'case.close-gates-unmet' });
    const codes = (refused as { options: { errors: { code: string }[] } }).options.errors.map((error) => error.code);
    expect(codes[0]).toBe('outcome.unknown');
    expect(codes.filter((code) => code === 'checklist.item-open').length).toBeGreaterThan(0);
    expect(commits).toHaveLength(0);
  });

  it('is refused through the access guard: not found for someone who has no part in the case', async () => {
    const { deps, commits } = setUp(aReadyCase());
    const daan = aPrincipal('oid-daan', 'Daan');
    const request = { ...close('hersteld'), authorize: guardFor(daan, 'case.close') };
    await expect(closeCase(deps, daan, request, silentLog)).rejects.toMatchObject({ code: 'case.not-found' });
    expect(commits).toHaveLength(0);
  });

  it('reads the related cases’ closing dates for trigger related', async () => {
    const related = [
      aCaseState({ id: 'r-1', closedOn: '2026-02-01', status: 'closed' }),
      aCaseState({ id: 'r-2', closedOn: '2026-03-01', status: 'closed' }),
    ];
    const links = related.map((state) => ({ kind: 'related' as const, caseId: state.id, number: state.number }));
    const { deps } = setUp(aReadyCase({ links }), ...related);
    const closed = await closeCase(deps, bea, close('gebundeld'), silentLog);
    // latest related closing 1 March 2026 + 5 years
    expect(closed.state.archive).toMatchObject({ actionDate: '2031-03-01', triggerDate: '2026-03-01' });
  });
});

describe('reopenCase', () => {
  it('clears outcome, closing date and archive data for a coordinator; 403 for the handler; 409 when open', async () => {
    const { deps } = setUp(aReadyCase());
    const closed = await closeCase(deps, bea, close('hersteld'), silentLog);
    const byHandler = { caseId: 'c-1', ifMatch: closed.etag, reason: 'x', authorize: guardFor(bea, 'case.reopen') };
    await expect(reopenCase(deps, bea, byHandler, silentLog)).rejects.toMatchObject({ code: 'auth.not-allowed' });
    const byCoordinator = { caseId: 'c-1', ifMatch: closed.etag, reason: 'Bezwaar', authorize: guardFor(fatima, 'case.reopen') };
    const reopened = await reopenCase(deps, fatima, byCoordinator, silentLog);
    expect(reopened.state).toMatchObject({
      status: 'open',
      outcome: null,
      closedOn: null,
      archive: { action: null, actionDate: null },
    });
    await expect(
      reopenCase(deps, fatima, { caseId: 'c-1', ifMatch: reopened.etag, reason: 'x' }, silentLog),
    ).rejects.toMatchObject({
      code: 'case.not-closed',
    });
  });
});

describe("setCaseArchive (the records manager's endpoint)", () => {
  const closedWith = async (outcome: string, ...others: CaseState[]) => {
    const setup = setUp(aReadyCase(), ...others);
    const closed = await closeCase(setup.deps, bea, close(outcome), silentLog);
    return { ...setup, etag: closed.etag, closed };
  };

  it('trigger manual: sets the date the period counts from (1 Jan 2027 + 20 years), recorded with the reason', async () => {
    const { deps, etag, closed, commits } = await closedWith('handmatig');
    expect(closed.state.archive).toMatchObject({ action: 'retain', actionDate: null, reason: 'manual-date-not-set' });
    const set = await setCaseArchive(
      deps,
      marieke,
      { caseId: 'c-1', ifMatch: etag, triggerDate: parseLocalDate('2027-01-01'), reason: 'Besluit archivaris' },
      silentLog,
    );
    expect(set.state.archive).toMatchObject({ actionDate: '2047-01-01', manualDate: '2027-01-01', reason: 'computed' });
    expect(commits.at(-1)?.commit.events[0]).toMatchObject({
      type: 'case.archive-set',
      data: { after: { reason: 'Besluit archivaris' } },
    });
  });

  it('trigger field: writes the late field value and recomputes (29 Feb 2028 + 1 year = 28 Feb 2029)', async () => {
    const { deps, etag, closed } = await closedWith('veld');
    expect(closed.state.archive).toMatchObject({ actionDate: null, reason: 'field-empty' });
    const set = await setCaseArchive(
      deps,
      marieke,
      { caseId: 'c-1', ifMatch: etag, triggerDate: parseLocalDate('2028-02-29'), reason: 'Gereed gemeld' },
      silentLog,
    );
    expect(set.state.fields.gereedDatum).toBe('2028-02-29');
    expect(set.state.archive).toMatchObject({ actionDate: '2029-02-28', triggerDate: '2028-02-29' });
  });

  it('trigger related: recomputes once the last related case has closed; no change, no event', async () => {
    const openRelated = aCaseState({ id: 'r-1' });
    const setup = setUp(aReadyCase({ links: [{ kind: 'related', caseId: 'r-1', number: openRelated.number }] }), openRelated);
    const closed = await closeCase(setup.deps, bea, close('gebundeld'), silentLog);
    expect(closed.state.archive).toMatchObject({ actionDate: null, reason: 'related-case-open' });

    const unchanged = await setCaseArchive(
      setup.deps,
      marieke,
      { caseId: 'c-1', ifMatch: closed.etag, reason: 'check' },
      silentLog,
    );
    expect(unchanged.etag).toBe(closed.etag);

    const r1 = setup.get('r-1');
    await setup.deps.caseStore.commit('r-1', {
      expected: r1,
      state: { ...r1.state, status: 'closed', closedOn: '2026-03-09' },
      events: [
        {
          type: 'case.closed',
          occurredAt: '2026-03-09T10:00:00.000Z',
          actor: { id: 'x', name: 'x', kind: 'user' },
          channel: 'api',
          data: {},
        },
      ],
    });
    const recomputed = await setCaseArchive(
      setup.deps,
      marieke,
      { caseId: 'c-1', ifMatch: closed.etag, reason: 'gerelateerde zaak gesloten' },
      silentLog,
    );
    expect(recomputed.state.archive).toMatchObject({ actionDate: '2031-03-09', triggerDate: '2026-03-09' });
  });

  it('refuses a date for a derived trigger (422) and any change to an open case (409)', async () => {
    const { deps, etag } = await closedWith('hersteld');
    await expect(
      setCaseArchive(
        deps,
        marieke,
        { caseId: 'c-1', ifMatch: etag, triggerDate: parseLocalDate('2027-01-01'), reason: 'x' },
        silentLog,
      ),
    ).rejects.toMatchObject({ code: 'archive.trigger-date-derived' });
    const open = setUp(aReadyCase());
    await expect(
      setCaseArchive(open.deps, marieke, { caseId: 'c-1', ifMatch: 'W/"1"', reason: 'x' }, silentLog),
    ).rejects.toMatchObject({
      code: 'case.not-closed',
    });
  });
});
