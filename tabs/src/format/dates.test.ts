import { daysBetween, deadlineState, dueSoonWithinDays, formatCalendarDate, todayInAmsterdam } from './dates';

describe('formatCalendarDate', () => {
  it('formats a calendar date the Dutch way', () => {
    expect(formatCalendarDate('2025-04-28', 'nl-NL')).toBe('28 apr 2025');
  });

  it('formats a calendar date the British way in English', () => {
    expect(formatCalendarDate('2025-04-28', 'en-GB')).toBe('28 Apr 2025');
  });

  it('formats the first and last day of a year without shifting them into another year', () => {
    expect(formatCalendarDate('2025-01-01', 'nl-NL')).toBe('1 jan 2025');
    expect(formatCalendarDate('2025-12-31', 'nl-NL')).toBe('31 dec 2025');
  });

  it('returns input that is not a valid date unchanged', () => {
    expect(formatCalendarDate('2025-02-30', 'nl-NL')).toBe('2025-02-30');
    expect(formatCalendarDate('morgen', 'nl-NL')).toBe('morgen');
  });
});

describe('todayInAmsterdam', () => {
  it('is already the next day in Amsterdam shortly before midnight UTC', () => {
    expect(todayInAmsterdam(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
  });

  it('is still the same day just after midnight UTC in winter', () => {
    expect(todayInAmsterdam(new Date('2025-01-15T00:30:00Z'))).toBe('2025-01-15');
  });
});

describe('daysBetween', () => {
  it('counts calendar days across the switch to summer time', () => {
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2025-04-10', '2025-04-01')).toBe(-9);
  });
});

describe('deadlineState', () => {
  const today = '2025-04-10';

  it('marks an open case overdue the day after its final date', () => {
    expect(deadlineState('2025-04-09', 'open', today)).toBe('overdue');
  });

  it('keeps a case in time on its final date itself', () => {
    expect(deadlineState('2025-04-10', 'open', today)).toBe('due-soon');
  });

  it(`marks a case due soon within ${dueSoonWithinDays} days`, () => {
    expect(deadlineState('2025-04-15', 'open', today)).toBe('due-soon');
    expect(deadlineState('2025-04-16', 'open', today)).toBe('on-track');
  });

  it('gives suspended cases no overdue signal, because their term is not running', () => {
    expect(deadlineState('2025-04-01', 'suspended', today)).toBe('on-track');
  });

  it('reports no deadline when the case has none', () => {
    expect(deadlineState(null, 'open', today)).toBe('none');
  });
});
