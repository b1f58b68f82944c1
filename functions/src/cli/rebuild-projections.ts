import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { casesTableName, createTableCaseStore, outboxPendingTableName } from '../adapters/table-storage/case-store.table';
import { createTableEventLog } from '../adapters/table-storage/case-store-events.table';
import { createTableClient } from '../adapters/table-storage/table-clients';
import { workQueueTableName } from '../adapters/table-storage/work-queue.table';
import {
  allWorkQueueRows,
  createWorkQueueProjectionStore,
  workQueueIndexTableName,
  workQueueViewsTableName,
} from '../adapters/table-storage/work-queue-projection.table';
import { describeDifference, rebuildWorkQueue, type RebuildDeps } from '../app/projections/rebuild-work-queue';
import {
  describeSignalInboxDifference,
  rebuildSignalInbox,
  type SignalInboxRebuildDeps,
} from '../app/projections/rebuild-signal-inbox';
import {
  allSignalInboxRows,
  createSignalInbox,
  deleteSignalInboxRow,
  signalsTableName,
} from '../adapters/table-storage/signal-inbox.table';
import { loadApiConfigFromProcess } from '../config';
import { caseTypesTableName, createCaseTypeRepository } from '../adapters/table-storage/case-types.table';
import { workQueueTypeInfo } from '../app/projections/work-queue-type-info';
import { systemClock } from '../ports/event-log';

const usage = 'usage: npm run projections:rebuild [-- --apply]';

/**
 * Compares the work-queue read model with every case's current state and prints each difference;
 * `--apply` fixes them. Resolves to the exit code: 0 no differences (or all fixed), 1 differences
 * found and not applied, 2 usage error.
 */
export async function runRebuildProjections(
  argv: readonly string[],
  deps: RebuildDeps & { write: (line: string) => void; signalInbox?: SignalInboxRebuildDeps },
): Promise<number> {
  if (argv.length > 1 || (argv.length === 1 && argv[0] !== '--apply')) {
    deps.write(usage);
    return 2;
  }
  const apply = argv[0] === '--apply';
  const differences = await rebuildWorkQueue(deps, { apply });
  for (const difference of differences) deps.write(describeDifference(difference));
  deps.write(
    differences.length === 0
      ? 'work queues: no differences'
      : `work queues: ${differences.length} difference(s)${apply ? ', fixed' : '; run with --apply to fix them'}`,
  );
  let inboxDifferences = 0;
  if (deps.signalInbox) {
    const found = await rebuildSignalInbox(deps.signalInbox, { apply });
    for (const difference of found) deps.write(describeSignalInboxDifference(difference));
    deps.write(
      found.length === 0
        ? 'signals: no differences'
        : `signals: ${found.length} difference(s)${apply ? ', fixed' : '; run with --apply to fix them'}`,
    );
    inboxDifferences = found.length;
  }
  return differences.length + inboxDifferences === 0 || apply ? 0 : 1;
}

async function main(): Promise<void> {
  const config = loadApiConfigFromProcess();
  let credential: TokenCredential | undefined;
  const azureCredential = () => (credential ??= new DefaultAzureCredential());
  const table = (name: string) => createTableClient(config.storage, name, azureCredential);
  const cases = table(casesTableName);
  const workQueue = table(workQueueTableName);
  const views = table(workQueueViewsTableName);
  const eventLog = createTableEventLog(cases);
  const deps: RebuildDeps = {
    caseStore: createTableCaseStore({ cases, outboxPending: table(outboxPendingTableName), clock: systemClock }),
    eventLog,
    store: createWorkQueueProjectionStore({ workQueue, index: table(workQueueIndexTableName), views }),
    storedRows: () => allWorkQueueRows(workQueue, views),
    typeInfo: workQueueTypeInfo(createCaseTypeRepository(table(caseTypesTableName))),
  };
  const signals = table(signalsTableName);
  const signalInbox: SignalInboxRebuildDeps = {
    eventLog,
    storedRows: () => allSignalInboxRows(signals),
    upsert: (rows) => createSignalInbox(signals).upsert(rows),
    deleteRow: (row) => deleteSignalInboxRow(signals, row),
  };
  const write = (line: string) => process.stdout.write(`${line}\n`);
  process.exitCode = await runRebuildProjections(process.argv.slice(2), { ...deps, write, signalInbox });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`projections:rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
