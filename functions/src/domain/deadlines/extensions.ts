import { addCalendarDuration } from '../calendar/duration';
import type { LocalDate } from '../calendar/local-date';
import type { Extension } from './deadline';
import { ExtensionExceedsMaximum } from './deadline-errors';

/**
 * Awb 4:14 / 7:10: all extensions together may not go beyond the case type's maximum. Durations in
 * months and days do not compare in the abstract, so both are added to the same end date and the
 * resulting dates compared: P30D fits within P1M from 1 January (31 days), not from 1 February 2025 (28).
 */
export function assertExtensionsWithinMaximum(
  end: LocalDate,
  extensions: readonly Extension[],
  maximum: string | null | undefined,
): void {
  if (!maximum || extensions.length === 0) return;
  const extended = extensions.reduce((date, extension) => addCalendarDuration(date, extension.duration), end);
  if (extended > addCalendarDuration(end, maximum)) {
    throw new ExtensionExceedsMaximum(
      extensions.map((extension) => extension.duration),
      maximum,
    );
  }
}
