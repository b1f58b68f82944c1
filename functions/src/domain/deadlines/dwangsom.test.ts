import { parseLocalDate } from '../calendar/local-date';
import { defaultDwangsomSettings, dwangsom } from './dwangsom';

const d = parseLocalDate;

describe('dwangsom (Awb 4:17)', () => {
  // Final deadline Monday 28 April 2025: day 1 is Tuesday 29 April.
  const final = d('2025-04-28');

  it.each([
    // [as of, penalty day, amount in cents, capped]
    ['2025-04-28', 0, 0, false], // the final day itself: not late yet
    ['2025-04-29', 1, 2300, false], // day 1: €23
    ['2025-05-12', 14, 14 * 2300, false], // day 14 (29 April + 13): €322
    ['2025-05-13', 15, 14 * 2300 + 3500, false], // day 15: first day at €35
    ['2025-05-26', 28, 14 * 2300 + 14 * 3500, false], // day 28: €322 + €490 = €812
    ['2025-05-27', 29, 14 * 2300 + 14 * 3500 + 4500, false], // day 29: first day at €45
    ['2025-06-08', 41, 14 * 2300 + 14 * 3500 + 13 * 4500, false], // day 41
    ['2025-06-09', 42, 144200, true], // day 42: the maximum of €1,442 (322 + 490 + 630)
    ['2025-06-10', 42, 144200, true], // day 43: nothing more accrues
    ['2025-12-31', 42, 144200, true], // months later: still the maximum
  ])('as of %s: day %i, %i cents, capped %p', (asOf, days, amountCents, capped) => {
    expect(dwangsom(final, d(asOf))).toMatchObject({ days, amountCents, capped });
  });

  it('does not shift the 42 days: day 42 is Tweede Pinksterdag 9 June 2025 and stays', () => {
    expect(dwangsom(final, final)).toMatchObject({ firstDay: '2025-04-29', lastDay: '2025-06-09' });
  });

  it('is nothing before the deadline', () => {
    expect(dwangsom(final, d('2025-04-01'))).toMatchObject({ days: 0, amountCents: 0, capped: false });
  });

  it('starts two weeks after a later notice of default when the offset is set to 14', () => {
    // Notice received Monday 5 May 2025; day 1 = 5 May + 14 = Monday 19 May.
    const settings = { ...defaultDwangsomSettings, startOffsetDays: 14 };
    const options = { noticeOfDefaultOn: d('2025-05-05') };
    expect(dwangsom(final, d('2025-05-18'), settings, options).days).toBe(0);
    expect(dwangsom(final, d('2025-05-19'), settings, options)).toMatchObject({
      days: 1,
      amountCents: 2300,
      firstDay: '2025-05-19',
    });
  });

  it('counts from the deadline when the notice arrived earlier', () => {
    expect(dwangsom(final, d('2025-04-29'), defaultDwangsomSettings, { noticeOfDefaultOn: d('2025-04-01') }).days).toBe(1);
  });

  it('uses configured rates', () => {
    const settings = { ...defaultDwangsomSettings, rates: [{ fromDay: 1, centsPerDay: 2000 }] };
    expect(dwangsom(final, d('2025-05-13'), settings).amountCents).toBe(15 * 2000);
  });
});
