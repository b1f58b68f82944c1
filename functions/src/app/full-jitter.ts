import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits before retrying after losing an optimistic-concurrency race: a random moment in
 * [0, min(capMs, baseMs · 2^attempt)) ("full jitter"), so writers that collided do not retry in lockstep.
 * Used where several writers contend for one row: the case-number counter, the projector's index row and
 * a case's access-log chain head.
 */
export function pauseWithFullJitter(
  attempt: number,
  { baseMs, capMs, random = Math.random }: { baseMs: number; capMs: number; random?: () => number },
): Promise<void> {
  return sleep(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
