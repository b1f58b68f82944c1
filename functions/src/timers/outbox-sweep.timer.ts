import type { InvocationContext, Timer } from '@azure/functions';
import type { Dependencies } from '../composition-root';
import type { FunctionsApp } from '../hosting/functions-app';

/** Every 5 minutes (NCRONTAB, seconds first): the same schedule in Azure and on the local host. */
export const outboxSweepSchedule = '0 */5 * * * *';

/**
 * Sends outbox rows whose dispatch right after the commit failed (e.g. the queue was briefly down), so
 * no projection or notification is lost. Consumers dedupe by message id, so a resend is harmless.
 */
export function registerOutboxSweep(app: FunctionsApp, deps: Pick<Dependencies, 'outbox' | 'loggerFor'>): void {
  app.timer('outboxSweep', {
    schedule: outboxSweepSchedule,
    handler: async (_timer: Timer, context: InvocationContext) => {
      const log = deps.loggerFor(context);
      const swept = await deps.outbox.sweepOutbox();
      if (swept.messages > 0) log.info('outbox sweep sent pending messages', swept);
    },
  });
}
