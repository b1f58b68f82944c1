import type { Health } from '../../contract/health';
import type { DependencyProbe } from '../../ports/dependency-probe';

export interface HealthProbes {
  storage: DependencyProbe;
  identity: DependencyProbe;
  graph: DependencyProbe;
}

/**
 * Checks every dependency in parallel. Without storage nothing works (`down`); without identity or
 * Graph some requests fail (`degraded`).
 */
export async function checkHealth(probes: HealthProbes, version: string): Promise<Health> {
  const [storage, identity, graph] = await Promise.all([probes.storage.check(), probes.identity.check(), probes.graph.check()]);
  const status = storage.status === 'down' ? 'down' : identity.status === 'down' || graph.status === 'down' ? 'degraded' : 'ok';
  return { status, version, dependencies: { storage, identity, graph } };
}
