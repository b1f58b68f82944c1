import { endOfAmsterdamDay } from './share-document';

describe('the end of a day in Amsterdam', () => {
  it.each([
    ['2026-01-15', '2026-01-15T22:59:59.999Z'],
    ['2026-07-15', '2026-07-15T21:59:59.999Z'],
    // 29 March 2026: the clocks go forward at 02:00; the day ends in summer time.
    ['2026-03-29', '2026-03-29T21:59:59.999Z'],
    // 25 October 2026: the clocks go back; the day ends in winter time.
    ['2026-10-25', '2026-10-25T22:59:59.999Z'],
  ])('%s ends at %s', (date, instant) => {
    expect(endOfAmsterdamDay(date)).toBe(instant);
  });
});
