import { addDays, amsterdamToday } from './seed';

describe('seed date helpers', () => {
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('takes today in Amsterdam, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1).
    expect(amsterdamToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC in summer is 00:30 the next day (UTC+2).
    expect(amsterdamToday(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
});
