import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export type { StackEndpoints } from '../../../infra/local/src/dev-stack/endpoints';
import type { StackEndpoints } from '../../../infra/local/src/dev-stack/endpoints';

const repo = resolve(__dirname, '../../..');

export interface RunningStack {
  endpoints: StackEndpoints;
  /** Everything the stack printed so far (for failure messages). */
  output(): string;
  /** The environment the stack was started with (its ports are 0: the real ones are in `endpoints`). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * Starts the real dev stack (the same code as `npm start`, compiled by `tsc -b`) on free ports with a
 * throw-away data folder, and resolves once it has written its endpoints file.
 */
export async function startStack(
  opts: { services?: Array<'bot' | 'playground' | 'tab' | 'addin'>; timeoutMs?: number } = {},
): Promise<RunningStack> {
  const dir = await mkdtemp(join(tmpdir(), 'zaakwerk-e2e-'));
  const endpointsFile = join(dir, 'endpoints.json');
  const ports = ['AZURITE_BLOB', 'AZURITE_QUEUE', 'AZURITE_TABLE', 'M365', 'API', 'BOT', 'PLAYGROUND', 'TAB', 'ADDIN'];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(ports.map((p) => [`ZAAKWERK_${p}_PORT`, '0'])),
    ZAAKWERK_DATA_DIR: join(dir, 'data'),
    ZAAKWERK_ENDPOINTS_FILE: endpointsFile,
    ZAAKWERK_STACK_SERVICES: ['api', ...(opts.services ?? [])].join(','),
  };
  const child = spawn(process.execPath, [join(repo, 'infra/local/dist/src/dev-stack/main.js')], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, 'SIGINT');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 150000);
  for (;;) {
    const text = await readFile(endpointsFile, 'utf8').catch(() => null);
    if (text) return { endpoints: JSON.parse(text) as StackEndpoints, output: () => output, env, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the dev stack did not start (exit ${child.exitCode}):\n${output.slice(-6000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Debian's Chromium through playwright-core (no browser download here), headless with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** axe-core's script, injected into pages by accessibility checks. */
export const axeScriptPath = (): string => require.resolve('axe-core/axe.min.js');
