import type { UserPrincipal } from '../../domain/principal';
import type { WorkQueuePage, WorkQueueReader } from '../../ports/work-queue';

/** The caller's own work queue ("Mijn werk"): cases assigned to them, earliest final deadline first. */
export async function listMyWork(
  user: UserPrincipal,
  page: { limit: number; cursor?: string },
  workQueue: WorkQueueReader,
): Promise<WorkQueuePage> {
  return workQueue.listAssignedTo(user.oid, page);
}
