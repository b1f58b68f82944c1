import { aCase } from '../../test-support/lifecycle-case';
import { deadlineView } from './deadline-view';

describe('deadlineView (the deadline as read today)', () => {
  const received = aCase({
    receivedOn: '2025-03-03',
    deadline: { final: '2025-04-28', planned: '2025-04-14', suspendedDays: 0, lexSilencio: false, dwangsom: true },
  });

  it('counts an open suspension on to today and shows no final date while it runs', () => {
    const suspended = {
      ...received,
      status: 'suspended' as const,
      suspensions: [
        { from: '2025-03-05', until: '2025-03-07', reason: 'eerste', term: 'P1W' },
        { from: '2025-03-10', until: null, reason: 'aanvulling', term: 'P2W' },
      ],
      deadline: { ...received.deadline, final: null, suspendedDays: 4, closedSuspendedDays: 2 },
    };
    // 2 closed days, then 10 March → 20 March is 10 days so far; 25 March 15.
    expect(deadlineView(suspended, '2025-03-20')).toMatchObject({ final: null, suspendedDays: 12 });
    expect(deadlineView(suspended, '2025-03-25')).toMatchObject({ final: null, suspendedDays: 17 });
  });

  it('shows the stored days when nothing is suspended', () => {
    expect(deadlineView(received, '2025-03-20')).toMatchObject({ final: '2025-04-28', suspendedDays: 0, dwangsom: null });
  });

  it('shows the dwangsom accrued after the final date for a type that has one, up to today or the closing day', () => {
    // Day 1 is 29 April; 12 May is day 14: 14 × €23.
    expect(deadlineView(received, '2025-05-12').dwangsom).toEqual({
      days: 14,
      amountCents: 14 * 2300,
      capped: false,
      firstDay: '2025-04-29',
    });
    const closedLate = { ...received, status: 'closed' as const, closedOn: '2025-05-01' };
    expect(deadlineView(closedLate, '2025-12-31').dwangsom).toMatchObject({ days: 3, amountCents: 3 * 2300 });
    const closedInTime = { ...received, status: 'closed' as const, closedOn: '2025-04-28' };
    expect(deadlineView(closedInTime, '2025-12-31').dwangsom).toBeNull();
  });

  it('shows no dwangsom for a type without one, however late', () => {
    const without = { ...received, deadline: { ...received.deadline, dwangsom: false } };
    expect(deadlineView(without, '2025-12-31').dwangsom).toBeNull();
  });

  it('carries the lex silencio flag of the type', () => {
    const silencio = { ...received, deadline: { ...received.deadline, lexSilencio: true } };
    expect(deadlineView(silencio, '2025-03-20').lexSilencio).toBe(true);
    expect(deadlineView(received, '2025-03-20').lexSilencio).toBe(false);
  });
});
