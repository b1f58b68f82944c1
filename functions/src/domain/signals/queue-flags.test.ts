import { addDays, parseLocalDate } from '../calendar';
import { classifyDeadline } from '../deadlines';
import { atRiskFrom, queueFlags } from './queue-flags';

describe('work-queue flags computed at read time', () => {
  it.each([
    // Final Friday 20 March 2026, 5 working days: at risk from Tuesday 17 March (classify-deadline's example).
    ['2026-03-20', 5, '2026-03-17'],
    // Final Tuesday 7 April 2026 after Easter, 3 working days: on Wed 1 April three remain (1, 2, 7 April),
    // on Thu 2 two (Goede Vrijdag and Tweede Paasdag do not count): at risk from 2 April.
    ['2026-04-07', 3, '2026-04-02'],
    // With 1 working day a case is never at risk (the final day itself leaves 1): the date is the day after.
    ['2026-03-20', 1, '2026-03-21'],
  ])('a case due %s with %i working days is at risk from %s', (final, days, from) => {
    expect(atRiskFrom(final, days)).toBe(from);
  });

  it('has no at-risk date without a final date or with a threshold of 0', () => {
    expect(atRiskFrom(null, 5)).toBeNull();
    expect(atRiskFrom('2026-03-20', 0)).toBeNull();
    // The Atw calendar starts in 2014: counting back past it gives no date instead of an error.
    expect(atRiskFrom('2014-01-03', 10)).toBeNull();
  });

  it('agrees with classifyDeadline on every day around the deadline, for several thresholds', () => {
    for (const final of ['2026-03-20', '2026-04-07', '2026-12-28', '2027-05-10']) {
      for (const days of [1, 5, 10]) {
        const from = atRiskFrom(final, days);
        for (let offset = -25; offset <= 3; offset++) {
          const today = addDays(parseLocalDate(final), offset);
          const status = classifyDeadline(parseLocalDate(final), today, { atRiskWorkingDays: days });
          expect(queueFlags(final, from, today)).toEqual({ atRisk: status === 'at-risk', overdue: status === 'overdue' });
        }
      }
    }
  });
});
