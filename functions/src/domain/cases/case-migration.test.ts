import type { CaseEvent } from '../events';
import { aCase, aStamp, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { migrateCaseVersion } from './case-migration';
import { renderTimelineEntry } from './timeline';

const v1 = shippedOmgevingsvergunning();
const stamp = aStamp({ occurredAt: '2025-03-20T10:00:00.000Z' });
const received = () =>
  aCase({
    receivedOn: '2025-03-03',
    deadline: { final: '2025-04-28', planned: '2025-04-14', suspendedDays: 0, lexSilencio: false, dwangsom: true },
  });
const asEvent = (draft: ReturnType<typeof migrateCaseVersion>['events'][number]): CaseEvent =>
  ({ ...draft, caseId: 'case-1', sequence: 3, previousHash: 'x', hash: 'y' }) as unknown as CaseEvent;

describe('migrating a case to another version of its type', () => {
  it('recomputes the deadline under the new legal term and says so on the timeline', () => {
    // Version 2 lengthens the term from 8 to 12 weeks: 3 March 2025 + 12 weeks = Monday 26 May.
    const v2 = { ...v1, version: 2, legalTerm: 'P12W' };
    const { state, events } = migrateCaseVersion(received(), v2, stamp);
    expect(state.caseType.version).toBe(2);
    expect(state.deadline).toMatchObject({ final: '2025-05-26', planned: '2025-04-14', dwangsom: true });
    expect(events[0]?.data).toMatchObject({
      before: { deadline: { final: '2025-04-28' } },
      after: { deadline: { final: '2025-05-26' } },
    });
    const summary = renderTimelineEntry(asEvent(events[0]!)).summary;
    expect(summary.nl).toContain('uiterste datum 2025-04-28 → 2025-05-26');
    expect(summary.en).toContain('deadline 2025-04-28 → 2025-05-26');
  });

  it('records no deadline change when the terms stay the same', () => {
    const { state, events } = migrateCaseVersion(received(), { ...v1, version: 2 }, stamp);
    expect(state.deadline.final).toBe('2025-04-28');
    expect(events[0]?.data).toEqual({ before: { caseType: received().caseType }, after: { caseType: state.caseType } });
  });

  it('leaves a suspended case without a final date (resuming reads the new terms) but takes the new flags', () => {
    const suspended = {
      ...received(),
      status: 'suspended' as const,
      suspensions: [{ from: '2025-03-10', until: null, reason: 'aanvulling', term: 'P2W' }],
      deadline: { final: null, planned: null, suspendedDays: 10, closedSuspendedDays: 0, dwangsom: true },
    };
    const { state } = migrateCaseVersion(suspended, { ...v1, version: 2, legalTerm: 'P12W', dwangsom: false }, stamp);
    expect(state.deadline).toMatchObject({ final: null, suspendedDays: 10, dwangsom: false });
  });
});
