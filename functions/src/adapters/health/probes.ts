import type { TableServiceClient } from '@azure/data-tables';
import type { DependencyHealth } from '../../contract/health';
import type { DependencyProbe } from '../../ports/dependency-probe';

/**
 * Health probes. Each call does its own short request with a timeout and keeps no state between
 * calls, so a dependency that comes back is reported up again without a restart.
 */
export function createStorageProbe(tables: TableServiceClient, timeoutMs = 2000): DependencyProbe {
  return probe(timeoutMs, async (signal) => {
    // The cheapest authenticated Table call: list at most one table.
    await tables.listTables({ abortSignal: signal }).byPage({ maxPageSize: 1 }).next();
  });
}

/** The identity provider is up when its discovery document answers 200. */
export function createIdentityProbe(discoveryUrl: string, timeoutMs = 2000): DependencyProbe {
  return probe(timeoutMs, async (signal) => {
    const response = await fetch(discoveryUrl, { signal });
    await response.body?.cancel();
    if (!response.ok) throw new ProbeFailure(`answered ${response.status}`);
  });
}

/** Graph is reachable when it answers at all (without a token it answers 401, which is fine). */
export function createGraphProbe(graphBaseUrl: string, timeoutMs = 2000): DependencyProbe {
  return probe(timeoutMs, async (signal) => {
    const response = await fetch(`${graphBaseUrl}/v1.0/`, { signal });
    await response.body?.cancel();
  });
}

class ProbeFailure extends Error {}

function probe(timeoutMs: number, attempt: (signal: AbortSignal) => Promise<void>): DependencyProbe {
  return {
    async check(): Promise<DependencyHealth> {
      const started = performance.now();
      const latencyMs = () => Math.round(performance.now() - started);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        await attempt(signal);
        return { status: 'up', latencyMs: latencyMs() };
      } catch (error) {
        return { status: 'down', latencyMs: latencyMs(), detail: describe(error, signal, timeoutMs) };
      }
    },
  };
}

/** A short reason for operators; no hosts, keys or stack traces. */
function describe(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `no answer within ${timeoutMs} ms`;
  if (error instanceof ProbeFailure) return error.message;
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return `unreachable (${code})`;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return `answered ${status}`;
  return 'unreachable';
}
