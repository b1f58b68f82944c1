import { parseLocalDate } from '../calendar/local-date';
import { classifyDeadline, remainingWorkingDays } from './classify-deadline';

const d = parseLocalDate;

describe('classifyDeadline', () => {
  // Final deadline Friday 20 March 2026, at risk below 5 working days.
  const final = d('2026-03-20');
  const thresholds = { atRiskWorkingDays: 5 };

  it.each([
    ['2026-03-13', 'on-track', 'a week before: 6 working days (Fri 13 … Fri 20)'],
    ['2026-03-16', 'on-track', 'Monday: Mon–Fri is 5 working days, not fewer than 5'],
    ['2026-03-17', 'at-risk', 'Tuesday: 4 working days left'],
    ['2026-03-20', 'at-risk', 'the final day itself: 1 working day left, not yet overdue'],
    ['2026-03-21', 'overdue', 'the day after the final deadline'],
    ['2026-06-01', 'overdue', 'long after'],
  ])('on %s the case is %s (%s)', (today, expected) => {
    expect(classifyDeadline(final, d(today), thresholds)).toBe(expected);
  });

  it('counts working days, not calendar days, over Easter', () => {
    // Final Tue 7 April 2026; on Wed 1 April: Wed 1, Thu 2, (Goede Vrijdag, weekend, Tweede Paasdag), Tue 7 = 3.
    expect(remainingWorkingDays(d('2026-04-07'), d('2026-04-01'))).toBe(3);
    expect(classifyDeadline(d('2026-04-07'), d('2026-04-01'), { atRiskWorkingDays: 5 })).toBe('at-risk');
    expect(classifyDeadline(d('2026-04-07'), d('2026-04-01'), { atRiskWorkingDays: 3 })).toBe('on-track');
  });

  it('is never at risk with a threshold of 0', () => {
    expect(classifyDeadline(final, final, { atRiskWorkingDays: 0 })).toBe('on-track');
  });
});

describe('remainingWorkingDays', () => {
  it('counts only Monday when today is the Saturday before a Monday deadline', () => {
    expect(remainingWorkingDays(d('2026-03-23'), d('2026-03-21'))).toBe(1);
  });

  it('is 0 after the deadline', () => {
    expect(remainingWorkingDays(d('2026-03-20'), d('2026-03-23'))).toBe(0);
  });
});
