import type { AddressInfo } from 'node:net';
import type { FunctionsApp } from '@zaakwerk/functions/hosting';
import { createHttpServer, httpRoute } from './http-server';
import { InvocationTracker, type HostLog } from './invocations';
import { createRecorder } from './recorder';
import { defaultQueueOptions, resolveConnection, startQueuePoller, type QueueOptions, type QueuePoller } from './storage-queues';
import { parseSchedule, scheduleTimer, type ScheduledTimer } from './timers';

export interface StartFunctionsHostOptions {
  /** Shown in log lines and errors, e.g. `api` or `bot`. */
  name: string;
  /** The app's registration function, the same one src/main.ts calls with the real `app` in Azure. */
  register: (app: FunctionsApp) => void;
  /** 0 = a free port. */
  port: number;
  /** host.json extensions.http.routePrefix (default `api`). */
  routePrefix?: string;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Default AzureWebJobsStorage for queue triggers. */
  storageConnectionString?: string;
  /** App settings for %Setting% references and queue connections; merged over process.env. */
  env?: Record<string, string>;
  queues?: Partial<QueueOptions>;
  log?: HostLog;
}

export interface RunningFunctionsHost {
  /** Base URL without route prefix, e.g. http://localhost:7071. */
  url: string;
  port: number;
  functions: ReadonlyArray<{ name: string; kind: 'http' | 'timer' | 'storageQueue'; disabled?: true }>;
  /** Runs a timer function once, now; rejects when it fails. */
  runTimer(name: string): Promise<void>;
  /** Stops listening, polling and scheduling, then waits for running invocations. */
  close(): Promise<void>;
}

/**
 * The local Azure Functions host: runs `register(app)` against a recorder, then serves the HTTP
 * functions, schedules the timers and polls the storage queues the app declared. Every registration
 * is checked before anything starts, so a bad schedule or a missing connection fails start-up.
 */
export async function startFunctionsHost(opts: StartFunctionsHostOptions): Promise<RunningFunctionsHost> {
  const log: HostLog = opts.log ?? ((line) => console.log(`[${opts.name}] ${line}`));
  const settings: Record<string, string | undefined> = { ...process.env, ...opts.env };
  const { app, registrations } = createRecorder();
  opts.register(app);

  const tracker = new InvocationTracker();
  // As in Azure: `AzureWebJobs.<name>.Disabled` = true leaves a function out (no route, timer or queue listener).
  const disabled = new Set(registrations.filter((r) => isDisabled(r.name, settings)).map((r) => r.name));
  for (const name of disabled) log(`function ${name} is disabled (AzureWebJobs.${name}.Disabled)`);
  const enabled = registrations.filter((r) => !disabled.has(r.name));
  const routes = enabled.flatMap((r) => (r.kind === 'http' ? [httpRoute(r.name, r.options)] : []));
  const queueOptions = { ...defaultQueueOptions, ...opts.queues };
  // Validate everything first: nothing should half-start.
  const queueConnections = new Map<string, string>();
  for (const r of enabled) {
    if (r.kind === 'timer') parseSchedule(r.name, r.options.schedule, settings);
    if (r.kind === 'storageQueue')
      queueConnections.set(r.name, resolveConnection(r.name, r.options.connection, settings, opts.storageConnectionString));
  }

  const server = createHttpServer(routes, { routePrefix: opts.routePrefix ?? 'api', log, tracker });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const timers = new Map<string, ScheduledTimer>();
  const pollers: QueuePoller[] = [];
  for (const r of enabled) {
    if (r.kind === 'timer') timers.set(r.name, scheduleTimer(r.name, r.options, { settings, log, tracker }));
    if (r.kind === 'storageQueue') {
      const connectionString = queueConnections.get(r.name) as string;
      pollers.push(startQueuePoller(r.name, r.options, { connectionString, settings, queueOptions, log, tracker }));
    }
  }

  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    functions: registrations.map((r) => ({
      name: r.name,
      kind: r.kind,
      ...(disabled.has(r.name) ? { disabled: true as const } : {}),
    })),
    runTimer(name) {
      const timer = timers.get(name);
      if (!timer) return Promise.reject(new Error(`no timer function named "${name}"`));
      return timer.run();
    },
    close() {
      closing ??= (async () => {
        for (const timer of timers.values()) timer.stop();
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await Promise.all(pollers.map((p) => p.stop()));
        await tracker.drain();
        server.closeAllConnections();
        await serverClosed;
      })();
      return closing;
    },
  };
}

/** The Functions host's per-function switch: the app setting `AzureWebJobs.<name>.Disabled` set to true (or 1). */
export function isDisabled(name: string, settings: Record<string, string | undefined>): boolean {
  const value = settings[`AzureWebJobs.${name}.Disabled`]?.trim().toLowerCase();
  return value === 'true' || value === '1';
}

export { createRecorder, type Registration } from './recorder';
export { compileRouteTemplate } from './route-template';
