import { atwCalendar, withDecreeDays } from '../calendar';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import type { CaseEvent } from '../events';
import type { ChangeStamp } from './case-transitions';
import { recomputeDeadline } from './recompute-deadline';
import { renderTimelineEntry } from './timeline';

const stamp: ChangeStamp = {
  occurredAt: '2026-05-01T07:00:00.000Z',
  actor: { id: 'zaakwerk-calendar', name: 'Zaakwerk feestdagenkalender', kind: 'system' },
  channel: 'system',
};
const rules = shippedOmgevingsvergunning();
// Received Friday 10 April 2026, P8W: Friday 5 June; service norm P6W: Friday 22 May.
const received10April = () =>
  aCase({ receivedOn: '2026-04-10', deadline: { final: '2026-06-05', planned: '2026-05-22', suspendedDays: 0 } });
const withFifthOfJune = withDecreeDays(atwCalendar, [{ date: '2026-06-05', name: 'Testdag' }]);

describe('recomputing a deadline with a changed holiday calendar', () => {
  it('moves a final date that falls on a new decree day to the next working day, and says why', () => {
    const transition = recomputeDeadline(received10April(), rules, withFifthOfJune, stamp);
    expect(transition?.state.deadline).toEqual({ final: '2026-06-08', planned: '2026-05-22', suspendedDays: 0 });
    const [event] = transition?.events ?? [];
    expect(event?.type).toBe('case.deadline-recomputed');
    const entry = renderTimelineEntry({ ...(event as CaseEvent), caseId: 'case-1', sequence: 9, previousHash: '', hash: '' });
    expect(entry.summary).toEqual({
      nl: 'Uiterste datum verschoven van 5 juni naar 8 juni: feestdagenkalender gewijzigd (5 juni: Testdag)',
      en: 'Deadline moved from 5 June to 8 June: holiday calendar changed (5 June: Testdag)',
    });
  });

  it('changes nothing when the calendar does not touch the dates, or with the calendar it was computed with', () => {
    expect(recomputeDeadline(received10April(), rules, atwCalendar, stamp)).toBeNull();
    const otherDay = withDecreeDays(atwCalendar, [{ date: '2026-07-03', name: 'Testdag' }]);
    expect(recomputeDeadline(received10April(), rules, otherDay, stamp)).toBeNull();
  });

  it('moves the planned date too when the decree day is on it', () => {
    const transition = recomputeDeadline(
      received10April(),
      rules,
      withDecreeDays(atwCalendar, [{ date: '2026-05-22', name: 'Testdag' }]),
      stamp,
    );
    expect(transition?.state.deadline).toEqual({ final: '2026-06-05', planned: '2026-05-26', suspendedDays: 0 });
  });

  it('leaves closed and suspended cases alone (a suspended case has no final date until it resumes)', () => {
    expect(recomputeDeadline({ ...received10April(), status: 'closed' }, rules, withFifthOfJune, stamp)).toBeNull();
    const suspended = {
      ...received10April(),
      status: 'suspended' as const,
      deadline: { final: null, planned: null, suspendedDays: 0 },
      suspensions: [{ from: '2026-04-20', until: null, reason: 'Aanvulling', term: 'P2W' }],
    };
    expect(recomputeDeadline(suspended, rules, withFifthOfJune, stamp)).toBeNull();
  });
});
