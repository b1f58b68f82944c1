import { performance } from 'node:perf_hooks';
import { countBy, perSecond, summarize, type LatencySummary } from './stats';

/** What the run has measured so far, by operation name. */
export interface Measured {
  latencies: Record<string, LatencySummary>;
  throughput: Record<string, number>;
  opsPerRequest: Record<string, Record<string, number>>;
}

export interface Measurements extends Measured {
  /** Records one measured operation; `wallMs` is the time the whole series took (for its rate). */
  report(name: string, samples: number[], failures: string[], wallMs: number): void;
  /** Runs `fn` `count` times one after the other; returns the wall time. */
  series(count: number, fn: (i: number) => Promise<unknown>): Promise<number>;
  /** Times `fn`; a result other than `expected` counts as an error (and its time is left out). */
  timed<R extends { status: number }>(fn: () => Promise<R>, expected: number, into: number[], failures: string[]): Promise<R>;
  /** Storage operations per request while `fn` runs `requests` requests (Azurite's access log). */
  storageOps<T>(requests: number, fn: () => Promise<T>): Promise<{ result: T; perRequest: Record<string, number> }>;
}

/** Azurite's access log lines, kept only while a measured series runs. */
export interface AccessLogCapture {
  /** Azurite's log callback. */
  line(line: string): void;
  start(): void;
  /** The lines since start(). */
  stop(): string[];
}

export function createAccessLogCapture(): AccessLogCapture {
  let lines: string[] = [];
  let capturing = false;
  return {
    line(line) {
      if (capturing && line.includes('"')) lines.push(line);
    },
    start() {
      lines = [];
      capturing = true;
    },
    stop() {
      capturing = false;
      return lines;
    },
  };
}

export function createMeasurements(say: (line: string) => void, accessLog: AccessLogCapture): Measurements {
  const latencies: Record<string, LatencySummary> = {};
  const throughput: Record<string, number> = {};
  const opsPerRequest: Record<string, Record<string, number>> = {};
  const errorSummary = (failures: string[]) =>
    failures.length ? ` (${failures.length} errors: ${[...new Set(failures)].join(',')})` : '';
  return {
    latencies,
    throughput,
    opsPerRequest,
    report(name, samples, failures, wallMs) {
      latencies[name] = summarize(samples, failures.length);
      throughput[name] = perSecond(samples.length, wallMs);
      const s = latencies[name];
      say(
        `${name.padEnd(28)} p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  n=${s.count}  ${throughput[name]}/s${errorSummary(failures)}`,
      );
    },
    async series(count, fn) {
      const t0 = performance.now();
      for (let i = 0; i < count; i++) await fn(i);
      return performance.now() - t0;
    },
    async timed(fn, expected, into, failures) {
      const t0 = performance.now();
      const result = await fn();
      const ms = performance.now() - t0;
      if (result.status === expected) into.push(ms);
      else failures.push(String(result.status));
      return result;
    },
    async storageOps(requests, fn) {
      accessLog.start();
      let lines: string[];
      let result;
      try {
        result = await fn();
        await new Promise((resolve) => setTimeout(resolve, 300)); // let the access log lines arrive
      } finally {
        lines = accessLog.stop();
      }
      const perRequest: Record<string, number> = {};
      let total = 0;
      for (const [target, count] of Object.entries(countBy(lines))) {
        perRequest[target] = Math.round((count / requests) * 100) / 100;
        total += count;
      }
      perRequest.total = Math.round((total / requests) * 100) / 100;
      return { result, perRequest };
    },
  };
}
