import { aCaseState } from '../../test-support/a-case-state';
import { type FeelEvaluator, feelinEvaluator } from '../case-types';
import { aStamp } from '../../test-support/lifecycle-case';
import { shippedCaseType } from '../../test-support/shipped-case-type';
import type { CaseState, CaseTask } from './case-state';
import { archiveAfterReopen } from './case-archive';
import { closeCase, closeGates, reopenCase, requiredApprovals, unmetApprovals } from './close-case';
import { publishedRules } from './published-type';

const subsidie = shippedCaseType('subsidieaanvraag');
const rules = { ...publishedRules(subsidie), outcomes: subsidie.outcomes };

const anApproval = (overrides: Partial<CaseTask> = {}): CaseTask => ({
  id: 'case-1.1',
  kind: 'approval',
  title: 'Accordering coördinator',
  description: null,
  templateKey: null,
  phase: 'besluit',
  assignee: { id: 'oid-fatima', name: 'Fatima El Amrani' },
  assigneeGroup: null,
  requiredBy: 'drempel-coordinator',
  requiredRole: 'coordinator',
  dueOn: null,
  remindOn: null,
  status: 'completed',
  decision: 'approved',
  response: 'Akkoord',
  suspendsCase: false,
  createdBy: { id: 'oid-bea', name: 'Bea' },
  createdAt: '2026-03-02T08:00:00.000Z',
  answeredBy: { id: 'oid-fatima', name: 'Fatima El Amrani' },
  answeredAt: '2026-03-04T08:00:00.000Z',
  ...overrides,
});

/** A subsidy of 15,000 euro (above the threshold) in its decision phase, ready to close once approved. */
const ready = (overrides: Partial<CaseState> = {}): CaseState =>
  aCaseState({
    caseType: { key: 'subsidieaanvraag', version: 1, name: 'Subsidieaanvraag' },
    phase: { key: 'besluit', name: 'Besluit' },
    receivedOn: '2026-02-02',
    fields: { bedrag: 15000, regeling: 'cultuur', toegekendBedrag: 15000 },
    checklist: { besluit: { 'beschikking-opgesteld': true }, afgerond: { 'beschikking-verzonden': true } },
    tasks: [anApproval()],
    ...overrides,
  });
const request = { outcome: 'toegekend', on: '2026-03-10' };
const today = '2026-03-10';
const codes = (state: CaseState, req = request) => closeGates(state, rules, req, today).map(({ code, path }) => [code, path]);

describe('closeGates', () => {
  it('has nothing unmet for a case ready to close', () => {
    expect(closeGates(ready(), rules, request, today)).toEqual([]);
  });

  it('lists every unmet condition at once', () => {
    const state = ready({
      status: 'suspended',
      checklist: {},
      fields: { bedrag: 15000, regeling: 'cultuur' },
      tasks: [{ ...anApproval({ id: 'case-1.2', kind: 'todo', requiredBy: null, status: 'open', decision: null }) }],
    });
    expect(codes(state, { outcome: 'onbekend', on: '2026-01-15' })).toEqual([
      ['outcome.unknown', 'body.outcome'],
      ['case.closed-before-receipt', 'body.on'],
      ['case.suspended', 'status'],
      ['checklist.item-open', 'checklist.besluit.beschikking-opgesteld'],
      ['checklist.item-open', 'checklist.afgerond.beschikking-verzonden'],
      ['approval.missing', 'rules.drempel-coordinator'],
      ['task.open', 'tasks.case-1.2'],
    ]);
  });

  it('refuses a closing date in the future', () => {
    expect(codes(ready(), { outcome: 'toegekend', on: '2026-03-11' })).toEqual([['case.closed-in-future', 'body.on']]);
  });

  it("applies the final phase's required fields (omgevingsvergunning: besluitdatum)", () => {
    const omgeving = shippedCaseType('omgevingsvergunning');
    const state = aCaseState({
      phase: { key: 'besluitvorming', name: 'Besluitvorming' },
      checklist: {
        besluitvorming: { 'concept-besluit': true, mandaat: true },
        afgehandeld: { 'besluit-verzonden': true, gepubliceerd: true },
      },
    });
    const gates = closeGates(
      state,
      { ...publishedRules(omgeving), outcomes: omgeving.outcomes },
      { outcome: 'verleend', on: today },
      today,
    );
    expect(gates.map(({ code, path }) => [code, path])).toEqual([['field.required-missing', 'fields.besluitdatum']]);
  });
});

describe('required fields when closing', () => {
  const omgeving = shippedCaseType('omgevingsvergunning');
  const omgevingRules = { ...publishedRules(omgeving), outcomes: omgeving.outcomes };
  const readyToDecide = (fields: CaseState['fields']) =>
    aCaseState({
      phase: { key: 'besluitvorming', name: 'Besluitvorming' },
      fields: { besluitdatum: '2026-03-09', ...fields },
      checklist: {
        besluitvorming: { 'concept-besluit': true, mandaat: true },
        afgehandeld: { 'besluit-verzonden': true, gepubliceerd: true },
      },
    });
  const gatesOf = (state: CaseState) =>
    closeGates(state, omgevingRules, { outcome: 'verleend', on: today }, today).map(({ code, path }) => [code, path]);

  it('asks for a field a rule makes required while the rule holds (leges when bouwkosten > 0), a field without a phase', () => {
    expect(gatesOf(readyToDecide({ bouwkosten: 20000 }))).toEqual([['field.required-missing', 'fields.leges']]);
    expect(gatesOf(readyToDecide({ bouwkosten: 20000, leges: 600 }))).toEqual([]);
    expect(gatesOf(readyToDecide({ bouwkosten: 0 }))).toEqual([]);
  });

  it('asks for the required fields of the phase the case is in, once each', () => {
    const inIntake = { ...readyToDecide({}), phase: { key: 'intake', name: 'Intake' } };
    const gates = gatesOf({
      ...inIntake,
      checklist: { ...inIntake.checklist, intake: { 'ontvangst-bevestigd': true, volledig: true } },
    });
    expect(gates).toEqual([
      ['field.required-missing', 'fields.projectomschrijving'],
      ['field.required-missing', 'fields.locatie'],
    ]);
  });
});

describe('required approvals', () => {
  it('applies a rule only when its FEEL condition holds for the fields', () => {
    expect(requiredApprovals(rules, { bedrag: 15000 }).map((rule) => [rule.key, rule.role])).toEqual([
      ['drempel-coordinator', 'coordinator'],
    ]);
    expect(requiredApprovals(rules, { bedrag: 10000 })).toEqual([]);
    expect(unmetApprovals(ready({ fields: { bedrag: 5000 }, tasks: [] }), rules)).toEqual([]);
  });

  it('evaluates only the conditions of approval rules, not the field rules or other rules', () => {
    const evaluated: string[] = [];
    const feel: FeelEvaluator = {
      check: (expression, names) => feelinEvaluator.check(expression, names),
      evaluate: (expression, context) => (evaluated.push(expression), feelinEvaluator.evaluate(expression, context)),
    };
    // subsidieaanvraag: field rules on bedrag and toegekendBedrag, a default rule, one approval rule.
    expect(requiredApprovals(rules, { bedrag: 15000, toegekendBedrag: 12000 }, feel).map((rule) => rule.key)).toEqual([
      'drempel-coordinator',
    ]);
    expect(evaluated).toEqual(['bedrag > 10000']);
  });

  it.each([
    ['missing', [], 'approval.missing'],
    ['still open', [anApproval({ status: 'open', decision: null })], 'approval.pending'],
    ['rejected', [anApproval({ decision: 'rejected' })], 'approval.rejected'],
    ['only cancelled', [anApproval({ status: 'cancelled', decision: null })], 'approval.missing'],
    ['approved for another rule', [anApproval({ requiredBy: 'ander' })], 'approval.missing'],
  ])('refuses closing when the approval is %s', (_, tasks, code) => {
    const gates = codes(ready({ tasks }));
    expect(gates).toContainEqual([code, 'rules.drempel-coordinator']);
    expect(gates.filter(([gate]) => String(gate).startsWith('approval.'))).toHaveLength(1);
  });

  it('accepts a new approval after a rejected one', () => {
    const tasks = [anApproval({ decision: 'rejected' }), anApproval({ id: 'case-1.2' })];
    expect(codes(ready({ tasks }))).toEqual([]);
  });
});

describe('closing and reopening', () => {
  const archive = {
    action: 'destroy' as const,
    actionDate: '2036-03-10',
    status: 'pending' as const,
    triggerDate: '2026-03-10',
    reason: 'computed',
    manualDate: null,
  };

  it('closes into the final phase with outcome, closing date and archive data, recorded as case.closed', () => {
    const closed = closeCase(
      ready(),
      {
        outcome: { key: 'toegekend', name: 'Toegekend' },
        on: '2026-03-10',
        phase: { key: 'afgerond', name: 'Afgerond' },
        archive,
      },
      aStamp(),
    );
    expect(closed.state).toMatchObject({
      status: 'closed',
      phase: { key: 'afgerond' },
      outcome: { key: 'toegekend' },
      closedOn: '2026-03-10',
      archive,
    });
    expect(closed.events[0]).toMatchObject({
      type: 'case.closed',
      data: { before: { status: 'open', outcome: null }, after: { status: 'closed', closedOn: '2026-03-10', archive } },
    });
  });

  it('reopens a closed case: open again, outcome, closing date and archive data cleared', () => {
    const closed = ready({ status: 'closed', outcome: { key: 'toegekend', name: 'Toegekend' }, closedOn: '2026-03-10', archive });
    const reopened = reopenCase(closed, 'Bezwaar gegrond', archiveAfterReopen(closed.archive), aStamp());
    expect(reopened.state).toMatchObject({
      status: 'open',
      outcome: null,
      closedOn: null,
      archive: { action: null, actionDate: null, triggerDate: null, reason: 'case-reopened', status: 'pending' },
    });
    expect(reopened.events[0]).toMatchObject({ type: 'case.reopened', data: { after: { reason: 'Bezwaar gegrond' } } });
  });

  it('refuses to reopen a case that is not closed (409)', () => {
    expect(() => reopenCase(ready(), 'x', ready().archive, aStamp())).toThrow(
      expect.objectContaining({ code: 'case.not-closed', kind: 'conflict' }),
    );
  });
});
