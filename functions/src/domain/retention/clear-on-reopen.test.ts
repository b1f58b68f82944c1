import { parseLocalDate } from '../calendar/local-date';
import { clearOnReopen } from './clear-on-reopen';
import { computeArchiveAction } from './compute-archive-action';

const d = parseLocalDate;
const outcome = { action: 'destroy' as const, period: 'P5Y', trigger: 'closed' as const };

describe('clearOnReopen', () => {
  it('clears the outcome-derived archive fields', () => {
    const closed = computeArchiveAction({ outcome, closedOn: d('2025-06-15') });
    expect(clearOnReopen(closed)).toEqual({ action: null, actionDate: null, triggerDate: null, reason: 'case-reopened' });
  });

  it('keeps fields that do not derive from the outcome, and forgets a hand-set date', () => {
    const stored = {
      ...computeArchiveAction({ outcome, closedOn: d('2025-06-15') }),
      legalHold: true,
      manualDate: d('2031-01-01'),
    };
    expect(clearOnReopen(stored)).toMatchObject({ legalHold: true, manualDate: null, actionDate: null });
  });

  it('gets a new date when the case is closed again', () => {
    const first = computeArchiveAction({ outcome, closedOn: d('2025-06-15') });
    const reopened = clearOnReopen(first);
    const closedAgain = computeArchiveAction({ outcome, closedOn: d('2025-09-01') });
    expect([first.actionDate, reopened.actionDate, closedAgain.actionDate]).toEqual(['2030-06-15', null, '2030-09-01']);
  });
});
