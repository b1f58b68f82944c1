import { visibleRows, type Actor } from '../../domain/access';
import type { WorkQueuePage } from '../../ports/work-queue';

/**
 * Any work-queue page (mine, team, case type) as the actor may see it: rows above their ceiling or of
 * a type they have no grant on are left out, so lists and counts never reveal an invisible case. A page
 * can come back shorter than its limit; the cursor still continues after the last row read.
 */
export function visibleWork<P extends WorkQueuePage>(actor: Actor, page: P): P {
  return { ...page, entries: visibleRows(actor, page.entries) };
}
