import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { casesTableName, createTableCaseStore, outboxPendingTableName } from '../adapters/table-storage/case-store.table';
import { createTableEventLog } from '../adapters/table-storage/case-store-events.table';
import { caseTypesTableName, createCaseTypeRepository } from '../adapters/table-storage/case-types.table';
import { caseOutboxQueueName, createOutboxDispatcher } from '../adapters/table-storage/outbox-dispatcher.table';
import { createQueueClient, createTableClient } from '../adapters/table-storage/table-clients';
import { describeRecomputeOutcome, recomputeOpenDeadlines, type RecomputeDeps } from '../app/deadlines/recompute-open-deadlines';
import { loadApiConfigFromProcess } from '../config';
import { atwCalendar, type AtwCalendar } from '../domain/calendar';
import { systemClock } from '../ports/event-log';
import type { Logger } from '../ports/logger';

const usage = 'usage: npm run deadlines:recompute [-- --dry-run]';

/**
 * Recomputes the deadline of every open case with `calendar` (the shipped one: Atw art. 3 plus the decree
 * days in domain/calendar/decree-days.ts) and prints every moved date. Resolves to the exit code:
 * 0 done (or nothing to move), 1 some case failed, 2 usage error.
 */
export async function runRecomputeDeadlines(
  argv: readonly string[],
  deps: RecomputeDeps & { calendar: AtwCalendar; write: (line: string) => void; log: Logger },
): Promise<number> {
  if (argv.length > 1 || (argv.length === 1 && argv[0] !== '--dry-run')) {
    deps.write(usage);
    return 2;
  }
  const dryRun = argv[0] === '--dry-run';
  const report = await recomputeOpenDeadlines(deps, deps.calendar, { dryRun }, deps.log);
  for (const outcome of report.outcomes) deps.write(describeRecomputeOutcome(outcome));
  const moved = report.outcomes.filter((o) => o.kind === 'moved').length;
  const failed = report.outcomes.length - moved;
  deps.write(
    `deadlines: ${report.checked} open case(s) checked, ${moved} ${dryRun ? 'would move' : 'moved'}${failed ? `, ${failed} failed` : ''}`,
  );
  return failed > 0 ? 1 : 0;
}

const stderrLogger: Logger = {
  debug() {},
  info() {},
  warn: (message, fields) => process.stderr.write(`${message} ${JSON.stringify(fields ?? {})}\n`),
  error: (message, fields) => process.stderr.write(`${message} ${JSON.stringify(fields ?? {})}\n`),
  child: () => stderrLogger,
};

async function main(): Promise<void> {
  const config = loadApiConfigFromProcess();
  let credential: TokenCredential | undefined;
  const azureCredential = () => (credential ??= new DefaultAzureCredential());
  const table = (name: string) => createTableClient(config.storage, name, azureCredential);
  const cases = table(casesTableName);
  const outboxPending = table(outboxPendingTableName);
  const deps: RecomputeDeps = {
    caseStore: createTableCaseStore({ cases, outboxPending, clock: systemClock }),
    eventLog: createTableEventLog(cases),
    caseTypes: createCaseTypeRepository(table(caseTypesTableName)),
    outbox: createOutboxDispatcher({
      cases,
      outboxPending,
      queue: createQueueClient(config.storage, caseOutboxQueueName, azureCredential),
      clock: systemClock,
    }),
    clock: systemClock,
  };
  const write = (line: string) => process.stdout.write(`${line}\n`);
  process.exitCode = await runRecomputeDeadlines(process.argv.slice(2), {
    ...deps,
    calendar: atwCalendar,
    write,
    log: stderrLogger,
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`deadlines:recompute failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
