import { parseLocalDate } from '../calendar';
import { shippedCaseType } from '../../test-support/lifecycle-case';
import { initialDeadline } from './initial-state';

const d = parseLocalDate;

describe('initialDeadline', () => {
  it('gives a type without a legal term only the planned date, a service norm in hours rounded up to days', () => {
    // storingsonderhoud-netwerk: service norm PT48H, no legal term.
    expect(initialDeadline(shippedCaseType('storingsonderhoud-netwerk'), d('2026-06-05'))).toEqual({
      final: null,
      planned: '2026-06-07',
      suspendedDays: 0,
      lexSilencio: false,
      dwangsom: false,
      // storingen may be suspended (waiting for the customer), not extended
      suspensionAllowed: true,
      extensionAllowed: false,
    });
  });

  it('gives a type with a legal term the final date after the Atw shift and the planned date', () => {
    // omgevingsvergunning P8W / P6W from Monday 3 March 2025: 28 April and 14 April (both working days).
    expect(initialDeadline(shippedCaseType('omgevingsvergunning'), d('2025-03-03'))).toEqual({
      final: '2025-04-28',
      planned: '2025-04-14',
      suspendedDays: 0,
      lexSilencio: false,
      dwangsom: true,
      suspensionAllowed: true,
      extensionAllowed: true,
    });
  });
});
