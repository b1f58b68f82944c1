import { join } from 'node:path';
import { demoTenant } from '../m365/demo-tenant';
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
}

const node = process.execPath;
const bin = (relative: string) => join(repoRoot(), relative);

export function apiEnv(w: StackWiring): NodeJS.ProcessEnv {
  return {
    ZAAKWERK_ENV: 'local',
    ZAAKWERK_STORAGE_CONNECTION_STRING: w.storageConnectionString,
    AzureWebJobsStorage: w.storageConnectionString,
    ZAAKWERK_TENANT_ID: demoTenant.tenantId,
    ZAAKWERK_AUTHORITY: w.authority,
    ZAAKWERK_API_CLIENT_ID: demoTenant.apiApp.clientId,
    ZAAKWERK_API_APP_ID_URI: demoTenant.apiApp.appIdUri,
    ZAAKWERK_API_CLIENT_SECRET: demoTenant.apiApp.clientSecret,
    ZAAKWERK_GRAPH_BASE_URL: w.graphBaseUrl,
    ZAAKWERK_BOT_CLIENT_ID: demoTenant.botApp.clientId,
    ZAAKWERK_ALLOWED_ORIGINS: w.allowedOrigins.join(','),
  };
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

export function startPlayground(port: number, botEndpoint: string): ManagedProcess {
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
    { env: { ...process.env, BROWSER: 'none', TEAMSFX_TELEMETRY_DISABLED: 'true' }, log: prefixedLog('playground') },
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
