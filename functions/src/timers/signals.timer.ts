import type { InvocationContext, Timer } from '@azure/functions';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { createSignalCandidateReader } from '../adapters/table-storage/signal-candidates.table';
import { createTableClient } from '../adapters/table-storage/table-clients';
import { workQueueTableName } from '../adapters/table-storage/work-queue.table';
import { runSignalTimer } from '../app/signals/run-signal-timer';
import type { Dependencies } from '../composition-root';
import type { FunctionsApp } from '../hosting/functions-app';
import type { SignalCandidateReader } from '../ports/signals';

/** Every 15 minutes (NCRONTAB, seconds first): the same schedule in Azure and on the local host. */
export const signalTimerSchedule = '0 */15 * * * *';

/** The candidate reader on the configured storage account's WorkQueue table. */
export function createSignalCandidateReaderFromConfig(config: Dependencies['config']): SignalCandidateReader {
  let credential: TokenCredential | undefined;
  const azureCredential = () => (credential ??= new DefaultAzureCredential());
  return createSignalCandidateReader(createTableClient(config.storage, workQueueTableName, azureCredential));
}

/**
 * Raises deadline, task, reminder and applicant's-term signals (issue 5 item 4) as events on the cases.
 * Runs are idempotent, so an overlapping or repeated run is harmless.
 */
export function registerSignalTimer(
  app: FunctionsApp,
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'loggerFor' | 'config'> & {
    candidates?: SignalCandidateReader;
  },
): void {
  const candidates = deps.candidates ?? createSignalCandidateReaderFromConfig(deps.config);
  app.timer('signalTimer', {
    schedule: signalTimerSchedule,
    handler: async (_timer: Timer, context: InvocationContext) => {
      const log = deps.loggerFor(context);
      const run = await runSignalTimer({ ...deps, candidates }, log);
      if (run.signals > 0 || run.failed > 0) log.info('signal timer raised signals', { ...run });
    },
  });
}
