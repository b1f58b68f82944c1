import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localApiSettings, type LocalM365Endpoints } from '../api-settings';
import { waitUntil, httpAnswers } from '../dev-stack/readiness';
import { repoRoot } from '../local-dir';
import { freePort } from '../ports';

/** The API's settings: the same for the in-process seeding and for the API's own host process. */
export function apiSettings(storageConnectionString: string, m365: LocalM365Endpoints): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...localApiSettings(storageConnectionString, m365, {
      ZAAKWERK_LOG_LEVEL: 'warn',
      // The per-user limiter (600/min by default) would cap one user's registrations at 10/s: the bench measures capacity.
      ZAAKWERK_RATE_LIMIT_PER_MINUTE: '999999',
    }),
  };
}

export interface ApiHost {
  /** `http://127.0.0.1:<port>/api/v1` */
  api: string;
  /** RSS, its peak and the heap of the API process. */
  memory(): Promise<Record<string, number | null>>;
  stop(): Promise<void>;
}

/**
 * The API in its own process (the local Functions host), as in Azure: its memory is its own, and the load
 * generator does not share its event loop. `ZAAKWERK_BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of it there.
 */
export async function startApiHost(env: NodeJS.ProcessEnv): Promise<ApiHost> {
  const port = await freePort();
  const hostLog: string[] = [];
  const child = spawn(
    process.execPath,
    [
      ...(process.env.ZAAKWERK_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.ZAAKWERK_BENCH_CPU_PROF] : []),
      '-r',
      join(__dirname, 'memory-probe.js'),
      join(repoRoot(), 'infra/local/dist/src/functions-host/cli.js'),
      '--app',
      'api',
      '--port',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env },
  );
  const keep = (chunk: Buffer) => {
    hostLog.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (hostLog.length > 200) hostLog.splice(0, hostLog.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const api = `http://127.0.0.1:${port}/api/v1`;
  try {
    await waitUntil(
      'the API',
      () => httpAnswers(`${api}/health`),
      60_000,
      () => child.exitCode === null,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${hostLog.join('\n')}`);
  }
  return { api, memory: () => hostMemory(child), stop };
}

/** The API process's memory: RSS and its peak from /proc (Linux), heap from the process itself (memory-probe.js). */
async function hostMemory(child: ChildProcess): Promise<Record<string, number | null>> {
  const mb = (bytes: number | undefined) => (bytes === undefined ? null : Math.round((bytes / 2 ** 20) * 10) / 10);
  const usage = await new Promise<NodeJS.MemoryUsage | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 2000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message as NodeJS.MemoryUsage);
    });
    child.send('memory');
  });
  let peakRss: number | undefined;
  try {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    if (kb) peakRss = Number(kb) * 1024;
  } catch {
    // not Linux: no peak figure
  }
  return { rssMb: mb(usage?.rss), peakRssMb: mb(peakRss), heapUsedMb: mb(usage?.heapUsed), heapTotalMb: mb(usage?.heapTotal) };
}
