import { parseLocalDate } from '../calendar';
import { computeDeadline } from '../deadlines';
import type { DomainError } from '../errors';
import { aCase, aStamp, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import type { CaseState } from './case-state';
import { extendCase, resumeCase, suspendCase, type DeadlineRules } from './deadline-transitions';
import { initialDeadline } from './initial-state';
import { renderTimelineEntry } from './timeline';
import type { Transition } from './case-transitions';

const omgevingsvergunning = shippedOmgevingsvergunning();
const received = (): CaseState =>
  aCase({ receivedOn: '2025-03-03', deadline: initialDeadline(omgevingsvergunning, parseLocalDate('2025-03-03')) });
const stamp = aStamp({ occurredAt: '2025-03-10T10:00:00.000Z' });
const suspended = () =>
  suspendCase(
    received(),
    { on: parseLocalDate('2025-03-10'), reason: 'wacht op aanvulling', term: 'P2W' },
    omgevingsvergunning,
    stamp,
  ).state;
const resumed = () => resumeCase(suspended(), { on: parseLocalDate('2025-03-20') }, omgevingsvergunning, stamp).state;
const withoutSuspension: DeadlineRules = { ...omgevingsvergunning, suspension: { allowed: false } };
const withoutExtension: DeadlineRules = { ...omgevingsvergunning, extension: { allowed: false } };

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('deadline transitions of a case', () => {
  it('registers an omgevingsvergunning received 3 March 2025 with final date 28 April 2025 (P8W)', () => {
    expect(received().deadline.final).toBe('2025-04-28');
  });

  const examples: { name: string; run: () => Transition; status: string; final: string | null; suspendedDays: number }[] = [
    {
      name: 'suspending on 10 March leaves no final date and 0 days so far',
      run: () =>
        suspendCase(
          received(),
          { on: parseLocalDate('2025-03-10'), reason: 'wacht op aanvulling', term: 'P2W' },
          omgevingsvergunning,
          stamp,
        ),
      status: 'suspended',
      final: null,
      suspendedDays: 0,
    },
    {
      name: 'resuming on 20 March suspends 9 days: final 7 May 2025 (28 April + 9, a Wednesday)',
      run: () => resumeCase(suspended(), { on: parseLocalDate('2025-03-20') }, omgevingsvergunning, stamp),
      status: 'open',
      final: '2025-05-07',
      suspendedDays: 9,
    },
    {
      name: 'extending by P6W after the suspension moves the final date to 18 June 2025',
      run: () => extendCase(resumed(), { duration: 'P6W', reason: 'advies welstand' }, omgevingsvergunning, stamp),
      status: 'open',
      final: '2025-06-18',
      suspendedDays: 9,
    },
    {
      name: 'extending an unsuspended case by P6W: 28 April + 42 days = 9 June, Tweede Pinksterdag, so 10 June',
      run: () => extendCase(received(), { duration: 'P6W', reason: 'advies' }, omgevingsvergunning, stamp),
      status: 'open',
      final: '2025-06-10',
      suspendedDays: 0,
    },
  ];

  it.each(examples)('$name', ({ run, status, final, suspendedDays }) => {
    const { state } = run();
    expect(state.status).toBe(status);
    expect(state.deadline.final).toBe(final);
    expect(state.deadline.suspendedDays).toBe(suspendedDays);
  });

  it('stores the same dates as the engine for the same inputs', () => {
    const state = extendCase(resumed(), { duration: 'P6W', reason: 'advies' }, omgevingsvergunning, stamp).state;
    const engine = computeDeadline({
      receivedOn: parseLocalDate('2025-03-03'),
      legalTerm: 'P8W',
      serviceNorm: 'P6W',
      suspensions: [{ from: parseLocalDate('2025-03-10'), until: parseLocalDate('2025-03-20'), term: 'P2W' }],
      extensions: [{ duration: 'P6W' }],
    });
    expect(state.deadline).toEqual({
      final: engine.final,
      planned: engine.planned,
      suspendedDays: engine.suspendedDays,
      // omgevingsvergunning's flags, kept with the date
      lexSilencio: false,
      dwangsom: true,
      suspensionAllowed: true,
      extensionAllowed: true,
    });
  });

  it('counts the days of an open suspension so far up to the day it is recorded (10 March, recorded 15 March: 5 days)', () => {
    const later = aStamp({ occurredAt: '2025-03-15T10:00:00.000Z' });
    const { state } = suspendCase(
      received(),
      { on: parseLocalDate('2025-03-10'), reason: 'aanvulling', term: 'P2W' },
      omgevingsvergunning,
      later,
    );
    expect(state.deadline).toMatchObject({ final: null, suspendedDays: 5 });
    expect(state.suspensions).toEqual([{ from: '2025-03-10', until: null, reason: 'aanvulling', term: 'P2W' }]);
  });

  const refusals: { name: string; run: () => unknown; code: string }[] = [
    {
      name: 'suspension on a type that does not allow it is 409 case.suspension-not-allowed',
      run: () =>
        suspendCase(received(), { on: parseLocalDate('2025-03-10'), reason: 'x', term: 'P2W' }, withoutSuspension, stamp),
      code: 'case.suspension-not-allowed',
    },
    {
      name: 'suspending a suspended case is 409 case.already-suspended',
      run: () =>
        suspendCase(suspended(), { on: parseLocalDate('2025-03-12'), reason: 'x', term: 'P2W' }, omgevingsvergunning, stamp),
      code: 'case.already-suspended',
    },
    {
      name: 'a suspension before receipt is 422',
      run: () =>
        suspendCase(received(), { on: parseLocalDate('2025-03-01'), reason: 'x', term: 'P2W' }, omgevingsvergunning, stamp),
      code: 'deadline.suspension-before-receipt',
    },
    {
      name: 'resuming a case that is not suspended is 409 case.not-suspended',
      run: () => resumeCase(received(), { on: parseLocalDate('2025-03-20') }, omgevingsvergunning, stamp),
      code: 'case.not-suspended',
    },
    {
      name: 'resuming before the suspension began is 422',
      run: () => resumeCase(suspended(), { on: parseLocalDate('2025-03-09') }, omgevingsvergunning, stamp),
      code: 'deadline.suspension-ends-before-start',
    },
    {
      name: 'extension on a type that does not allow it is 409 case.extension-not-allowed',
      run: () => extendCase(received(), { duration: 'P1W', reason: 'x' }, withoutExtension, stamp),
      code: 'case.extension-not-allowed',
    },
    {
      name: 'extension beyond the maximum (P6W + P1D) is 422 deadline.extension-exceeds-maximum',
      run: () => {
        const extended = extendCase(received(), { duration: 'P6W', reason: 'x' }, omgevingsvergunning, stamp).state;
        return extendCase(extended, { duration: 'P1D', reason: 'y' }, omgevingsvergunning, stamp);
      },
      code: 'deadline.extension-exceeds-maximum',
    },
  ];

  it.each(refusals)('$name', ({ run, code }) => {
    expect(codeOf(run)).toBe(code);
  });

  it('records before and after of the deadline with the engine explanation, and tells the move on the timeline', () => {
    const { events } = resumeCase(suspended(), { on: parseLocalDate('2025-03-20') }, omgevingsvergunning, stamp);
    const [event] = events;
    expect(event?.data.before).toMatchObject({ status: 'suspended', deadline: { final: null } });
    expect(event?.data.after).toMatchObject({ status: 'open', deadline: { final: '2025-05-07', suspendedDays: 9 } });
    const explanation = (event?.data.after as { explanation: { kind: string }[] }).explanation.map((step) => step.kind);
    expect(explanation).toEqual(['legal-term', 'suspension', 'suspended-days', 'final']);
    const entry = renderTimelineEntry({ ...event!, caseId: 'case-1', sequence: 3, previousHash: '', hash: '' });
    expect(entry.summary).toEqual({
      nl: 'Uiterste datum verschoven van 28 april naar 7 mei: 9 dagen opgeschort (wacht op aanvulling)',
      en: 'Deadline moved from 28 April to 7 May: 9 days suspended (wacht op aanvulling)',
    });
  });

  it('tells an extension on the timeline with both dates', () => {
    const [event] = extendCase(resumed(), { duration: 'P6W', reason: 'advies welstand' }, omgevingsvergunning, stamp).events;
    const entry = renderTimelineEntry({ ...event!, caseId: 'case-1', sequence: 4, previousHash: '', hash: '' });
    expect(entry.summary.nl).toBe('Uiterste datum verschoven van 7 mei naar 18 juni: verlengd met P6W (advies welstand)');
    expect(entry.summary.en).toBe('Deadline moved from 7 May to 18 June: extended by P6W (advies welstand)');
  });
});
