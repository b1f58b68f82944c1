import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { createTableClient } from '../adapters/table-storage/table-clients';
import { casesTableName, createTableCaseStore, outboxPendingTableName } from '../adapters/table-storage/case-store.table';
import { createTableEventLog } from '../adapters/table-storage/case-store-events.table';
import { verifyCaseChain, type CaseChainReport } from '../app/audit/verify-case-chain';
import { loadApiConfigFromProcess } from '../config';
import type { CaseStore } from '../ports/case-store';
import { systemClock, type EventLog } from '../ports/event-log';

const usage = 'usage: npm run audit:verify -- --case <caseId> [--case <caseId> ...] | --all';

export type AuditVerifyArgs = { kind: 'cases'; caseIds: string[] } | { kind: 'all' };

/** Parses the command line; null when it is not a valid invocation. */
export function parseAuditVerifyArgs(argv: readonly string[]): AuditVerifyArgs | null {
  if (argv.length === 1 && argv[0] === '--all') return { kind: 'all' };
  const caseIds: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] !== '--case' || !value || value.startsWith('--')) return null;
    caseIds.push(value);
  }
  return caseIds.length > 0 ? { kind: 'cases', caseIds } : null;
}

export const describeReport = (report: CaseChainReport): string =>
  report.ok
    ? `OK      ${report.caseId} (${report.count} events)`
    : report.reason === 'case-not-found'
      ? `MISSING ${report.caseId}: no such case`
      : `BROKEN  ${report.caseId}: first broken link at sequence ${report.brokenAt} (${report.reason})`;

/**
 * Verifies the given cases (or every case) and writes one line per case. Resolves to the exit code:
 * 0 all chains intact, 1 any chain broken or case missing, 2 usage error.
 */
export async function runAuditVerify(
  argv: readonly string[],
  deps: { caseStore: CaseStore; eventLog: EventLog; write: (line: string) => void },
): Promise<number> {
  const args = parseAuditVerifyArgs(argv);
  if (!args) {
    deps.write(usage);
    return 2;
  }
  let failed = 0;
  let checked = 0;
  const check = async (caseId: string) => {
    const report = await verifyCaseChain(deps, caseId);
    deps.write(describeReport(report));
    checked++;
    if (!report.ok) failed++;
  };
  if (args.kind === 'cases') {
    for (const caseId of args.caseIds) await check(caseId);
  } else {
    let cursor: string | undefined;
    do {
      const page = await deps.eventLog.listCaseIds({ limit: 500, ...(cursor ? { cursor } : {}) });
      for (const caseId of page.caseIds) await check(caseId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  deps.write(`${checked} case(s) checked, ${failed} with a broken or missing chain`);
  return failed > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  const config = loadApiConfigFromProcess();
  let credential: TokenCredential | undefined;
  const azureCredential = () => (credential ??= new DefaultAzureCredential());
  const cases = createTableClient(config.storage, casesTableName, azureCredential);
  const caseStore = createTableCaseStore({
    cases,
    outboxPending: createTableClient(config.storage, outboxPendingTableName, azureCredential),
    clock: systemClock,
  });
  const write = (line: string) => process.stdout.write(`${line}\n`);
  process.exitCode = await runAuditVerify(process.argv.slice(2), { caseStore, eventLog: createTableEventLog(cases), write });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
