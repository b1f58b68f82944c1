import { atwCalendar, withDecreeDays } from '../calendar/atw-calendar';
import { parseLocalDate } from '../calendar/local-date';
import { computeDeadline } from './compute-deadline';
import type { DeadlineInput } from './deadline';
import { describeDeadlineChange } from './deadline-change';

const d = parseLocalDate;
const registered: DeadlineInput = { receivedOn: d('2025-03-03'), legalTerm: 'P8W' }; // final 28 April 2025

describe('describeDeadlineChange', () => {
  it('says the deadline moved from 28 April to 7 May because 9 days were suspended', () => {
    const before = computeDeadline(registered);
    const after = computeDeadline({
      ...registered,
      suspensions: [{ from: d('2025-03-10'), until: d('2025-03-20'), term: 'P2W' }],
    });
    expect(describeDeadlineChange(before, after)).toEqual({
      from: '2025-04-28',
      to: '2025-05-07',
      changed: true,
      causes: [{ kind: 'suspended-days', days: 9 }],
    });
  });

  it('says a suspension opened and the final date is unknown', () => {
    const before = computeDeadline(registered);
    const after = computeDeadline({ ...registered, suspensions: [{ from: d('2025-03-10'), until: null, term: 'P2W' }] });
    expect(describeDeadlineChange(before, after)).toEqual({
      from: '2025-04-28',
      to: null,
      changed: true,
      causes: [{ kind: 'suspension-opened', from: '2025-03-10' }],
    });
  });

  it('gives the final date again when the suspension is resumed, with the days it suspended', () => {
    const before = computeDeadline({ ...registered, suspensions: [{ from: d('2025-03-10'), until: null, term: 'P2W' }] });
    const after = computeDeadline({
      ...registered,
      suspensions: [{ from: d('2025-03-10'), until: d('2025-03-20'), term: 'P2W' }],
    });
    expect(describeDeadlineChange(before, after)).toEqual({
      from: null,
      to: '2025-05-07',
      changed: true,
      causes: [{ kind: 'suspended-days', days: 9 }],
    });
  });

  it('names a new extension', () => {
    const before = computeDeadline(registered);
    const after = computeDeadline({ ...registered, extensions: [{ duration: 'P6W' }] });
    expect(describeDeadlineChange(before, after).causes).toEqual([{ kind: 'extended', durations: ['P6W'] }]);
  });

  it('names a changed legal term', () => {
    const before = computeDeadline(registered);
    const after = computeDeadline({ ...registered, legalTerm: 'P12W' });
    expect(describeDeadlineChange(before, after).causes).toEqual([{ kind: 'legal-term', from: 'P8W', to: 'P12W' }]);
  });

  it('blames the calendar when no input changed, e.g. a new decree day', () => {
    const input: DeadlineInput = { receivedOn: d('2029-03-15'), legalTerm: 'P8W' }; // Hemelvaartsdag 2029 → Fri 11 May
    const decreed = withDecreeDays(atwCalendar, [{ date: '2029-05-11', name: 'Vrijdag na Hemelvaartsdag' }]);
    expect(describeDeadlineChange(computeDeadline(input), computeDeadline(input, decreed))).toEqual({
      from: '2029-05-11',
      to: '2029-05-14',
      changed: true,
      causes: [{ kind: 'calendar-or-settings' }],
    });
  });

  it('reports no change when nothing moved', () => {
    expect(describeDeadlineChange(computeDeadline(registered), computeDeadline(registered))).toEqual({
      from: '2025-04-28',
      to: '2025-04-28',
      changed: false,
      causes: [],
    });
  });

  it('describes the first computation as a change from nothing', () => {
    expect(describeDeadlineChange(null, computeDeadline(registered))).toMatchObject({
      from: null,
      to: '2025-04-28',
      changed: true,
    });
  });
});
