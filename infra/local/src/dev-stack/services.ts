import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localApiSettings } from '../api-settings';
import { demoTenant } from '../m365/demo-tenant';
import { playgroundConfig } from '../playground-config';
import { demoPersonas } from './endpoints';
import { repoRoot } from '../local-dir';
import { startProcess, type ManagedProcess } from './child-process';
import { prefixedLog } from './prefixed-log';

/** What the API, the bot and the web apps need to know about identity, storage and each other. */
export interface StackWiring {
  storageConnectionString: string;
  authority: string;
  graphBaseUrl: string;
  apiBaseUrl: string;
  allowedOrigins: string[];
  tabUrl: string;
}

const node = process.execPath;
const bin = (relative: string) => join(repoRoot(), relative);

export function apiEnv(w: StackWiring): NodeJS.ProcessEnv {
  return localApiSettings(
    w.storageConnectionString,
    { issuer: w.authority, graphBaseUrl: w.graphBaseUrl },
    {
      ZAAKWERK_ALLOWED_ORIGINS: w.allowedOrigins.join(','),
      // Graph change notifications from the local Microsoft 365 to the API (ADR 0017); a local-only secret.
      ZAAKWERK_GRAPH_NOTIFICATION_URL: `${w.apiBaseUrl.replace('//localhost:', '//127.0.0.1:')}/graph/notifications`,
      ZAAKWERK_GRAPH_CLIENT_STATE: 'zaakwerk-local-client-state',
    },
  );
}

export function botEnv(w: StackWiring): NodeJS.ProcessEnv {
  return {
    ZAAKWERK_ENV: 'local',
    AzureWebJobsStorage: w.storageConnectionString,
    ZAAKWERK_TENANT_ID: demoTenant.tenantId,
    ZAAKWERK_AUTHORITY: w.authority,
    ZAAKWERK_BOT_CLIENT_ID: demoTenant.botApp.clientId,
    ZAAKWERK_BOT_CLIENT_SECRET: demoTenant.botApp.clientSecret,
    ZAAKWERK_API_BASE_URL: w.apiBaseUrl,
    ZAAKWERK_API_APP_ID_URI: demoTenant.apiApp.appIdUri,
    ZAAKWERK_TAB_URL: `${w.tabUrl}/`,
  };
}

export function webAppEnv(w: StackWiring): NodeJS.ProcessEnv {
  return {
    ZAAKWERK_API_BASE_URL: w.apiBaseUrl,
    ZAAKWERK_AUTHORITY: w.authority,
    ZAAKWERK_API_CLIENT_ID: demoTenant.apiApp.clientId,
    ZAAKWERK_API_APP_ID_URI: demoTenant.apiApp.appIdUri,
  };
}

/** A Function app (api or bot) served by the local Functions host, from the same registration code as in Azure. */
export function startFunctionApp(app: 'api' | 'bot', port: number, env: NodeJS.ProcessEnv): ManagedProcess {
  return startProcess(app, node, [bin('infra/local/dist/src/functions-host/cli.js'), '--app', app, '--port', String(port)], {
    env: { ...process.env, ...env },
    log: prefixedLog(app),
  });
}

/**
 * The Agents Playground as a Teams chat with the bot, signed in as the demo case handler (so the bot sees a
 * real Entra object id). Its config and log go to the data folder, not the working tree.
 */
export async function startPlayground(port: number, botEndpoint: string, dataDir: string): Promise<ManagedProcess> {
  const dir = join(dataDir, 'playground');
  await mkdir(dir, { recursive: true });
  const configPath = join(dir, 'm365agentsplayground.json');
  const personas = demoPersonas().map((p) => ({ id: p.id, displayName: p.displayName, upn: p.upn }));
  const [user, ...others] = personas;
  if (!user) throw new Error('the demo tenant has no personas');
  const config = playgroundConfig({
    tenantId: demoTenant.tenantId,
    bot: { id: demoTenant.botApp.clientId, name: 'Zaakwerk' },
    user,
    others,
  });
  // JSON is YAML: the Playground reads this file with a YAML parser.
  await writeFile(configPath, JSON.stringify(config, null, 2));
  return startProcess(
    'playground',
    node,
    [
      bin('node_modules/@microsoft/m365agentsplayground/cli.js'),
      '--port',
      String(port),
      '--app-endpoint',
      botEndpoint,
      '--channel-id',
      'msteams',
      '--disable-telemetry',
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
      },
      log: prefixedLog('playground'),
    },
  );
}

export function startWebApp(name: 'tab' | 'addin', port: number, env: NodeJS.ProcessEnv): ManagedProcess {
  const cwd = bin(name === 'tab' ? 'tabs' : 'outlook-addin');
  const portVar = name === 'tab' ? 'ZAAKWERK_TAB_PORT' : 'ZAAKWERK_ADDIN_PORT';
  return startProcess(
    name,
    node,
    [bin('node_modules/vite/bin/vite.js'), '--port', String(port), '--strictPort', '--clearScreen', 'false', '--bypass-lock'],
    {
      cwd,
      env: { ...process.env, ...env, [portVar]: String(port), BROWSER: 'none' },
      log: prefixedLog(name),
    },
  );
}
