#!/usr/bin/env node
import type { FunctionsApp } from '@zaakwerk/functions/hosting';
import { startFunctionsHost } from './index';

/**
 * `node infra/local/dist/src/functions-host/cli.js --app api|bot --port 7071`: serves a Function app
 * from its register module, as the dev stack does. Settings come from the environment, as in Azure.
 */
const registerModules = { api: '@zaakwerk/functions/register', bot: '@zaakwerk/bot/register' } as const;
type AppName = keyof typeof registerModules;
type Register = (app: FunctionsApp) => void;

function parseArgs(argv: string[]): { app: AppName; port: number; host: string | undefined } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const app = value('--app');
  const port = Number(value('--port') ?? '0');
  if (app !== 'api' && app !== 'bot') throw new Error('usage: cli.js --app api|bot --port <port> [--host 127.0.0.1]');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${value('--port')}"`);
  return { app, port, host: value('--host') };
}

async function main(): Promise<void> {
  const { app, port, host } = parseArgs(process.argv.slice(2));
  // Loaded at run time: only the app being served is loaded.
  const loaded = (await import(registerModules[app])) as { register?: Register; default?: { register?: Register } };
  const register = loaded.register ?? loaded.default?.register;
  if (!register) throw new Error(`${registerModules[app]} does not export register(app)`);
  const storage = process.env.AzureWebJobsStorage ?? process.env.ZAAKWERK_STORAGE_CONNECTION_STRING;
  // How long a dequeued message stays invisible (default 300 s): a test that kills the host shortens it.
  const leaseSeconds = Number(process.env.ZAAKWERK_LOCAL_QUEUE_LEASE_SECONDS ?? '') || undefined;
  const running = await startFunctionsHost({
    name: app,
    register,
    port,
    ...(host ? { host } : {}),
    ...(storage ? { storageConnectionString: storage } : {}),
    ...(leaseSeconds ? { queues: { leaseSeconds } } : {}),
    log: (line) => console.log(line),
  });
  console.log(`functions: ${running.functions.map((f) => `${f.name} (${f.kind})`).join(', ')}`);
  console.log(`listening on ${running.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A ConfigError message names every bad setting; print it without a stack.
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
});
