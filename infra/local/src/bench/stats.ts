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
