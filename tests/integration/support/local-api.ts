import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TableClient } from '@azure/data-tables';
import { createTableEventLog } from '../../../functions/src/adapters/table-storage/case-store-events.table';
import {
  casesTableName,
  createTableCaseStore,
  outboxPendingTableName,
} from '../../../functions/src/adapters/table-storage/case-store.table';
import { caseTypesTableName, createCaseTypeRepository } from '../../../functions/src/adapters/table-storage/case-types.table';
import { publishShippedCaseTypes } from '../../../functions/src/app/case-types/publish-shipped-case-types';
import type { CaseStore } from '../../../functions/src/ports/case-store';
import { systemClock, type EventLog } from '../../../functions/src/ports/event-log';
import { loadApiConfig, type ApiConfig } from '../../../functions/src/config';
import { register } from '../../../functions/src/register';
import { localApiSettings } from '../../../infra/local/src/api-settings';
import { startFunctionsHost, type RunningFunctionsHost } from '../../../infra/local/src/functions-host';
import { passwordGrantToken, startM365TestStack, type LocalM365, type M365TestStack } from '../../../infra/local/src/m365';
import { demoTenant, personaUpn, type DemoPersona } from '../../../infra/local/src/m365/demo-tenant';

export type Login = DemoPersona['login'];

export interface CallOptions {
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** The API as it runs locally: register(app) in the local Functions host, Azurite, the local Microsoft 365. */
export interface LocalApi {
  stack: M365TestStack;
  m365: LocalM365;
  host: RunningFunctionsHost;
  config: ApiConfig;
  /** e.g. http://localhost:PORT/api/v1 */
  api: string;
  table(name: string): TableClient;
  /** The case store and event log on the same storage, for checks behind the API (events, chains). */
  caseStores(): { caseStore: CaseStore; eventLog: EventLog };
  /** A delegated token for a demo persona (password grant, cached per persona). */
  tokenFor(login: Login): Promise<string>;
  /** Calls the API as `login` (or without a token when null). */
  call(login: Login | null, method: string, path: string, options?: CallOptions): Promise<Response>;
  stop(): Promise<void>;
}

type ShippedFile = { name: string; text: string };

/** The example case types shipped in functions/case-types (YAML), as the dev stack seeds them. */
export function shippedCaseTypeFiles(): ShippedFile[] {
  const dir = join(__dirname, '../../../functions/case-types');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** 1 January, midnight: a timer with this schedule runs in practice only through `host.runTimer`. */
const onDemandSchedule = '0 0 0 1 1 *';

export const apiUserScope = `${demoTenant.apiApp.appIdUri}/${demoTenant.apiApp.scope}`;

/**
 * Starts Azurite and the local Microsoft 365 on free ports and serves the API from its own registration
 * code; `beforeServe` runs against the fresh storage first (e.g. to publish case types).
 */
export async function startLocalApi(
  opts: {
    beforeServe?: (stack: M365TestStack) => Promise<void>;
    /** Publish the shipped case types (optionally changed first) before serving. */
    shippedCaseTypes?: boolean | ((files: ShippedFile[]) => ShippedFile[]);
    log?: (line: string) => void;
    /**
     * Timers run only when a test calls `host.runTimer` (their schedule becomes 1 January, midnight),
     * so a test that drives a timer with its own dates is not disturbed by a run on the real clock.
     * The signal timer is always on demand here: it writes signal events into cases (new ETags), which
     * would otherwise make a test's held If-Match stale whenever it runs past a quarter hour. So is the
     * document sync timer: it records versions made in SharePoint, which tests check through the sync endpoint.
     */
    timersOnDemand?: boolean;
    /** Extra API settings (ZAAKWERK_*), e.g. a smaller document size limit. */
    settings?: Record<string, string>;
    /** The API's port when a setting must name it (e.g. a webhook URL); default: any free port. */
    apiPort?: number;
  } = {},
): Promise<LocalApi> {
  const stack = await startM365TestStack();
  const m365 = stack.m365;
  const table = (name: string) =>
    TableClient.fromConnectionString(stack.azurite.connectionString, name, { allowInsecureConnection: true });
  try {
    if (opts.shippedCaseTypes) {
      const caseTypes = table(caseTypesTableName);
      await caseTypes.createTable();
      const files =
        typeof opts.shippedCaseTypes === 'function' ? opts.shippedCaseTypes(shippedCaseTypeFiles()) : shippedCaseTypeFiles();
      await publishShippedCaseTypes(files, new Date().toISOString(), createCaseTypeRepository(caseTypes));
    }
    await opts.beforeServe?.(stack);
    const config = loadApiConfig(localApiSettings(stack.azurite.connectionString, m365, opts.settings));
    const host = await startFunctionsHost({
      name: 'api',
      port: opts.apiPort ?? 0,
      register: (app) =>
        register(
          {
            http: (name, options) => app.http(name, options),
            storageQueue: (name, options) => app.storageQueue(name, options),
            timer: (name, options) =>
              app.timer(
                name,
                opts.timersOnDemand || name === 'signalTimer' || name === 'documentSyncTimer'
                  ? { ...options, schedule: onDemandSchedule }
                  : options,
              ),
          },
          { config },
        ),
      storageConnectionString: stack.azurite.connectionString,
      log: opts.log ?? (() => {}),
    });
    const api = `${host.url}/api/v1`;
    const tokens = new Map<string, string>();
    const tokenFor = async (login: Login): Promise<string> => {
      const cached = tokens.get(login);
      if (cached) return cached;
      const token = await passwordGrantToken(m365, personaUpn({ login }), demoTenant.password, apiUserScope);
      tokens.set(login, token);
      return token;
    };
    const call = async (login: Login | null, method: string, path: string, options: CallOptions = {}): Promise<Response> => {
      const headers: Record<string, string> = { ...options.headers };
      if (login) headers.authorization = `Bearer ${await tokenFor(login)}`;
      let body: string | undefined;
      if (options.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.json);
      } else if (options.text !== undefined) {
        headers['content-type'] = options.contentType ?? 'application/yaml';
        body = options.text;
      }
      return fetch(`${api}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    };
    return {
      stack,
      m365,
      host,
      config,
      api,
      table,
      caseStores: () => ({
        caseStore: createTableCaseStore({
          cases: table(casesTableName),
          outboxPending: table(outboxPendingTableName),
          clock: systemClock,
        }),
        eventLog: createTableEventLog(table(casesTableName)),
      }),
      tokenFor,
      call,
      async stop() {
        await host.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
