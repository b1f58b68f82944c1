/** Latency figures of one measured operation, in milliseconds (nearest-rank percentiles). */
export interface LatencySummary {
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** The value at percentile `p` (0–100) of ascending `sorted` by the nearest-rank method; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

const round = (value: number): number => Math.round(value * 10) / 10;

export function summarize(samplesMs: readonly number[], errors = 0): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    errors,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: sorted.length ? round(sum / sorted.length) : Number.NaN,
    max: sorted.length ? round(sorted.at(-1) as number) : Number.NaN,
  };
}

/**
 * Storage operations per table (or queue) from Azurite's access log lines, e.g.
 * `127.0.0.1 - - [..] "POST /devstoreaccount1/$batch HTTP/1.1" 202 -` or
 * `"GET /devstoreaccount1/Cases(PartitionKey='c',RowKey='case') HTTP/1.1"`.
 * A `$batch` counts as one operation (one round trip), named `$batch`.
 */
export function storageTarget(line: string): string | null {
  const match = /"(GET|POST|PUT|PATCH|MERGE|DELETE|HEAD|OPTIONS) \/[^/\s]+\/([^\s?(/]+)/.exec(line);
  return match?.[2] ? decodeURIComponent(match[2]) : null;
}

export function countBy(lines: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const target = storageTarget(line);
    if (target) counts[target] = (counts[target] ?? 0) + 1;
  }
  return counts;
}

/** MB per second for `sizeMb` moved in `ms` (one decimal); NaN without a time. */
export function throughputMbPerSecond(sizeMb: number, ms: number): number {
  if (!(ms > 0)) return Number.NaN;
  return Math.round((sizeMb / (ms / 1000)) * 10) / 10;
}

/** Operations per second for `count` done in `ms` (one decimal); NaN without a time. */
export function perSecond(count: number, ms: number): number {
  if (!(ms > 0)) return Number.NaN;
  return Math.round((count / (ms / 1000)) * 10) / 10;
}

/** The targets (issue 4 item 8), each judged on the run's figures; null = not measured. */
export interface TargetResult {
  target: string;
  measured: number | null;
  limit: number | null;
  unit: string;
  met: boolean | null;
}

export interface TargetFigures {
  getByIdP95: number | null;
  /** Of the row the API reads: a case row in the Cases table (report.ts rawFloors.read). */
  rawPointReadP95: number | null;
  myWorkQueueP95: number | null;
  registerSustainedPerSecond: number | null;
  apiRssMb: number | null;
}

const known = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

export function judgeTargets(f: TargetFigures): TargetResult[] {
  const judge = (
    target: string,
    measured: number | null,
    limit: number | null,
    unit: string,
    ok: (measured: number, limit: number) => boolean,
  ): TargetResult => ({
    target,
    measured: known(measured) ? measured : null,
    limit: known(limit) ? limit : null,
    unit,
    met: known(measured) && known(limit) ? ok(measured, limit) : null,
  });
  const rawTimesThree = known(f.rawPointReadP95) ? Math.round(f.rawPointReadP95 * 3 * 10) / 10 : null;
  return [
    judge('get by id p95 ≤ 3 × raw point read p95 (a case row)', f.getByIdP95, rawTimesThree, 'ms', (m, l) => m <= l),
    judge('my work queue, first page p95 ≤ 50 ms', f.myWorkQueueP95, 50, 'ms', (m, l) => m <= l),
    judge('register ≥ 200 cases/s sustained', f.registerSustainedPerSecond, 200, '/s', (m, l) => m >= l),
    judge('API process RSS < 300 MB after the run', f.apiRssMb, 300, 'MB', (m, l) => m < l),
  ];
}

/** Rows as aligned text columns (the first row is the header, underlined). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, [...cell].length)), []);
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
