import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { freePort, waitForPorts } from './ports';

/** Azurite's documented development account; the key is public and identical on every machine. */
export const devStorageAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
} as const;

export interface StartAzuriteOptions {
  /** Where Azurite keeps its data (ignored with `inMemory`). */
  dataDir?: string;
  inMemory?: boolean;
  /** 0 or absent: pick a free port. */
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  /** Receives Azurite's stdout/stderr lines. */
  log?: (line: string) => void;
  /** Azurite's per-request access log (off by default: it floods the dev stack's output). */
  accessLog?: boolean;
  /** How long to wait for the three ports (default 30 s). */
  startTimeoutMs?: number;
  /** Options for Azurite's Node process, e.g. a larger heap for the benchmark's 100,000 cases. */
  nodeArgs?: string[];
}

export interface RunningAzurite {
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  stop(): Promise<void>;
  /** Starts Azurite again on the same ports (and data folder), e.g. after `stop()` in a recovery test. */
  restart(): Promise<void>;
}

const host = '127.0.0.1';
const stderrLinesKept = 40;

/**
 * Runs Azurite (the npm package, so it works offline) as a child process of this Node binary and waits
 * until blob, queue and table accept connections. Telemetry is off and stdin is closed, so nothing prompts.
 */
export async function startAzurite(opts: StartAzuriteOptions = {}): Promise<RunningAzurite> {
  if (!opts.inMemory && !opts.dataDir) throw new Error('startAzurite: give a dataDir or set inMemory');
  if (opts.dataDir && !opts.inMemory) await mkdir(opts.dataDir, { recursive: true });
  const ports = {
    blob: opts.blobPort || (await freePort(host)),
    queue: opts.queuePort || (await freePort(host)),
    table: opts.tablePort || (await freePort(host)),
  };
  let current = await launch(opts, ports);

  return {
    connectionString: connectionStringFor(ports),
    ports,
    stop: () => current.stop(),
    async restart() {
      await current.stop();
      current = await launch(opts, ports);
    },
  };
}

/** A connection string with explicit endpoints, as the Azure SDKs need for non-default ports. */
export function connectionStringFor(ports: { blob: number; queue: number; table: number }): string {
  const endpoint = (port: number): string => `http://${host}:${port}/${devStorageAccount.name}`;
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${devStorageAccount.name}`,
    `AccountKey=${devStorageAccount.key}`,
    `BlobEndpoint=${endpoint(ports.blob)}`,
    `QueueEndpoint=${endpoint(ports.queue)}`,
    `TableEndpoint=${endpoint(ports.table)}`,
  ].join(';');
}

interface Launched {
  stop(): Promise<void>;
}

function azuriteArgs(opts: StartAzuriteOptions, ports: { blob: number; queue: number; table: number }): string[] {
  const args = ['--skipApiVersionCheck', '--loose', '--disableProductStyleUrl', '--disableTelemetry'];
  args.push('--blobHost', host, '--blobPort', String(ports.blob));
  args.push('--queueHost', host, '--queuePort', String(ports.queue));
  args.push('--tableHost', host, '--tablePort', String(ports.table));
  if (opts.inMemory) args.push('--inMemoryPersistence');
  else args.push('--location', opts.dataDir as string);
  if (!opts.accessLog) args.push('--silent');
  return args;
}

async function launch(opts: StartAzuriteOptions, ports: { blob: number; queue: number; table: number }): Promise<Launched> {
  const script = require.resolve('azurite/dist/src/azurite.js');
  const env = { ...process.env };
  // A developer's own AZURITE_ACCOUNTS would replace devstoreaccount1 and break the connection string.
  delete env.AZURITE_ACCOUNTS;
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), script, ...azuriteArgs(opts, ports)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    cwd: opts.dataDir && !opts.inMemory ? opts.dataDir : undefined,
  });
  const stderr: string[] = [];
  // A port that answers is not proof enough: another process may hold it. Azurite's own announcement is.
  const listening = new Set<string>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const announced = /Azurite (Blob|Queue|Table) service is successfully listening/.exec(line);
    if (announced?.[1]) listening.add(announced[1]);
    opts.log?.(line);
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > stderrLinesKept) stderr.shift();
    opts.log?.(line);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Azurite must not outlive the process that started it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await stopChild(child, exited);
  };
  try {
    await waitForPorts([ports.blob, ports.queue, ports.table], {
      host,
      timeoutMs: opts.startTimeoutMs ?? 30_000,
      abort: () => {
        if (spawnError) return spawnError;
        if (child.exitCode !== null || child.signalCode !== null) {
          return new Error(`Azurite exited (${child.exitCode ?? child.signalCode}) before it listened`);
        }
        return undefined;
      },
      ready: () => listening.size === 3,
    });
  } catch (error) {
    await stop();
    // Azurite writes its reason just before exiting; give the pipe a moment to deliver it.
    await new Promise((r) => setTimeout(r, 200));
    const detail = stderr.length ? `\nAzurite stderr:\n${stderr.join('\n')}` : '';
    throw new Error(`Azurite did not start on ${JSON.stringify(ports)}: ${(error as Error).message}${detail}`);
  }
  return { stop };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // SIGTERM lets Azurite close its servers (and flush a persistent data folder); SIGKILL if it lingers.
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
