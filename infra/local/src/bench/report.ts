import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Measured } from './measure';
import { formatTable, type TargetResult } from './stats';

/** The raw floors (scenarios.ts): each API operation is compared with the one that does its storage work alone. */
export const rawFloors = {
  // The same row the API reads (a case row in the full Cases table), not the small row of a table of its own:
  // that one's p95 swung between 2 and 45 ms from run to run, which made the target's verdict a matter of luck.
  read: 'raw point read (case row)',
  insert: 'raw insert',
  range: 'raw range query (top 50)',
} as const;
export type FloorKind = keyof typeof rawFloors;

/** Which floor an operation is compared with: reads by id or number with a point read, the queue page with the range query, writes with an insert. */
export function floorOf(operation: string): FloorKind | null {
  if (operation.startsWith('my work queue')) return 'range';
  if (operation.startsWith('get')) return 'read';
  if (['register', 'update', 'take', 'phase move'].some((write) => operation.startsWith(write))) {
    return 'insert';
  }
  return null;
}

/**
 * The API/raw ratios (p95 over the floor's p95, two decimals) and the summary table's rows: every measured
 * operation with its percentiles, rate, storage operations per request and its ratio to its floor.
 */
export function compareWithRaw(measured: Measured): { ratios: Record<string, number>; rows: string[][] } {
  const { latencies, throughput, opsPerRequest } = measured;
  const ratios: Record<string, number> = {};
  const rows: string[][] = [['operation', 'p50 ms', 'p95 ms', 'p99 ms', 'n', 'per s', 'storage ops/req', '× raw p95']];
  for (const [name, s] of Object.entries(latencies)) {
    const kind = floorOf(name);
    const floor = kind ? latencies[rawFloors[kind]] : undefined;
    if (kind && floor && floor.p95 > 0) ratios[name] = Math.round((s.p95 / floor.p95) * 100) / 100;
    rows.push([
      name,
      String(s.p50),
      String(s.p95),
      String(s.p99),
      String(s.count),
      throughput[name] === undefined ? '' : String(throughput[name]),
      opsPerRequest[name]?.total === undefined ? '' : String(opsPerRequest[name]?.total),
      ratios[name] === undefined ? '' : `${ratios[name]} (${kind === 'range' ? 'range query' : kind})`,
    ]);
  }
  return { ratios, rows };
}

/** Prints the summary table, the targets and the storage operations per request. */
export function printReport(
  say: (line: string) => void,
  measured: Measured,
  rows: readonly (readonly string[])[],
  targets: readonly TargetResult[],
): void {
  say('');
  say(formatTable(rows));
  say('');
  say(
    formatTable([
      ['target', 'measured', 'limit', 'result'],
      ...targets.map((t) => [
        t.target,
        t.measured === null ? '–' : `${t.measured} ${t.unit}`,
        t.limit === null ? '–' : `${t.limit} ${t.unit}`,
        t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED',
      ]),
    ]),
  );
  say('storage operations per request (Azurite access log, incl. the projector work a request causes):');
  for (const [name, ops] of Object.entries(measured.opsPerRequest)) say(`  ${name.padEnd(26)} ${JSON.stringify(ops)}`);
}

/** The machine the figures belong to. */
export function machine(): Record<string, unknown> {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** `tests/bench/results/bench-<start time>.json` unless `out` names another file. */
export const resultsPath = (repoRoot: string, started: Date, out?: string): string =>
  out ?? join(repoRoot, 'tests', 'bench', 'results', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);

export async function writeResults(path: string, output: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(output, null, 2)}\n`);
}
