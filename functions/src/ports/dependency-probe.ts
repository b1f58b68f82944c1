import type { DependencyHealth } from '../contract/health';

/** Checks one dependency quickly; never throws, answers down with a short reason instead. */
export interface DependencyProbe {
  check(): Promise<DependencyHealth>;
}
