import type { LocalDate } from '../calendar/local-date';
import type { CaseArchive } from './archive';

/**
 * Reopening a closed case clears the outcome-derived archive fields (DUTCH-RULES §2); closing again
 * recomputes them. A hand-set manual date goes too: it was chosen for the old outcome, and a case without
 * an action date cannot be destroyed, so forgetting it errs on the safe side. Other fields are kept.
 */
export function clearOnReopen<T extends CaseArchive & { readonly manualDate?: LocalDate | null }>(archive: T): T {
  const cleared = { ...archive, action: null, actionDate: null, triggerDate: null, reason: 'case-reopened' as const };
  return 'manualDate' in archive ? { ...cleared, manualDate: null } : cleared;
}
