import { join } from 'node:path';
import { startAzurite, type RunningAzurite } from '../azurite';
import { ensureLocalCertificates } from '../certs';
import { startLocalM365, type LocalM365 } from '../m365';
import { freePort } from '../ports';
import type { ManagedProcess } from './child-process';
import { banner, demoPersonas, writeEndpoints, type StackEndpoints } from './endpoints';
import { acquireStackLock } from './lock';
import { prefixedLog } from './prefixed-log';
import { httpAnswers, portInUse, waitUntil } from './readiness';
import { seedDemoData } from './seed';
import { apiEnv, botEnv, startFunctionApp, startPlayground, startWebApp, webAppEnv, type StackWiring } from './services';
import { loadDevStackSettings, portSetting, type DevStackSettings, type StackService } from './settings';
import { demoTenant } from '../m365/demo-tenant';

const log = prefixedLog('zaakwerk');

/** The ports each service needs. */
const portsOf: Record<StackService, Array<keyof DevStackSettings['ports']>> = {
  azurite: ['blob', 'queue', 'table'],
  m365: ['m365'],
  api: ['api'],
  bot: ['bot'],
  playground: ['playground'],
  tab: ['tab'],
  addin: ['addin'],
};

/**
 * `npm start`: Azurite, the local Microsoft 365, the API and bot Function apps on the local Functions host,
 * the Agents Playground and the tab and add-in dev servers, seeded with demo data; prints the URLs and
 * writes them to .local/endpoints.json. Ctrl-C stops everything.
 */
async function main(): Promise<number> {
  const settings = loadDevStackSettings();
  const lock = await acquireStackLock(join(settings.dataDir, 'dev-stack.pid'));
  if ('heldBy' in lock) {
    log(`Zaakwerk draait al (proces ${lock.heldBy}); de adressen staan in ${settings.endpointsFile}.`);
    log(`Zaakwerk is already running (process ${lock.heldBy}); its URLs are in ${settings.endpointsFile}.`);
    return 1;
  }
  const stoppers: Array<() => Promise<void>> = [lock.release];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stoppen / stopping…');
    for (const stop of stoppers.reverse()) {
      await stop().catch((error: Error) => log(`while stopping: ${error.message}`));
    }
    log('gestopt / stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const ports = await resolvePorts(settings);
    const has = (s: StackService) => settings.services.includes(s);
    const certs = await ensureLocalCertificates(settings.localDir);
    // Children must trust the local CA; the npm scripts set this already, but `node main.js` alone would not.
    process.env.NODE_EXTRA_CA_CERTS ??= certs.caPath;

    const azurite: RunningAzurite = await startAzurite({
      dataDir: join(settings.dataDir, 'azurite'),
      blobPort: ports.blob,
      queuePort: ports.queue,
      tablePort: ports.table,
      log: prefixedLog('azurite'),
    });
    stoppers.push(() => azurite.stop());

    const m365: LocalM365 = await startLocalM365({
      port: ports.m365,
      dataDir: settings.dataDir,
      localDir: settings.localDir,
      storageConnectionString: azurite.connectionString,
      log: prefixedLog('m365'),
    });
    stoppers.push(() => m365.close());

    const tabUrl = `http://localhost:${ports.tab}`;
    const addinUrl = `http://localhost:${ports.addin}`;
    const wiring: StackWiring = {
      storageConnectionString: azurite.connectionString,
      authority: m365.issuer,
      graphBaseUrl: m365.graphBaseUrl,
      apiBaseUrl: `http://localhost:${ports.api}/api/v1`,
      allowedOrigins: [tabUrl, addinUrl],
      tabUrl,
    };

    const running: ManagedProcess[] = [];
    const track = (p: ManagedProcess) => {
      running.push(p);
      stoppers.push(() => p.stop());
      void p.exited.then((code) => {
        if (!stopping) {
          log(`${p.name} stopped unexpectedly (exit ${code}); stopping the stack`);
          void shutdown(1);
        }
      });
      return p;
    };
    const alive = (p: ManagedProcess) => () => p.child.exitCode === null && p.child.signalCode === null;

    const api = track(startFunctionApp('api', ports.api, apiEnv(wiring)));
    await waitUntil('the API', () => httpAnswers(`${wiring.apiBaseUrl}/health`, () => true), 60000, alive(api));

    if (settings.seed) {
      const target = { apiBaseUrl: wiring.apiBaseUrl, m365: { url: m365.url, tenantId: demoTenant.tenantId } };
      await seedDemoData(azurite.connectionString, target, prefixedLog('seed'));
    }

    const waits: Array<Promise<void>> = [];
    if (has('bot')) {
      const bot = track(startFunctionApp('bot', ports.bot, botEnv(wiring)));
      waits.push(
        waitUntil(
          'the bot',
          () => httpAnswers(`http://localhost:${ports.bot}/api/messages`, (s) => s < 500, 'HEAD'),
          60000,
          alive(bot),
        ).then(async () => {
          if (!has('playground')) return;
          const playground = track(
            await startPlayground(ports.playground, `http://localhost:${ports.bot}/api/messages`, settings.dataDir),
          );
          await waitUntil(
            'the Agents Playground',
            () => httpAnswers(`http://localhost:${ports.playground}/_debug/ping`, (s) => s === 200),
            60000,
            alive(playground),
          );
        }),
      );
    }
    if (has('tab')) {
      const tab = track(startWebApp('tab', ports.tab, webAppEnv(wiring)));
      waits.push(
        waitUntil('the tab dev server', () => httpAnswers(`${tabUrl}/config.json`, (s) => s === 200), 60000, alive(tab)),
      );
    }
    if (has('addin')) {
      const addin = track(startWebApp('addin', ports.addin, webAppEnv(wiring)));
      waits.push(
        waitUntil('the add-in dev server', () => httpAnswers(`${addinUrl}/config.json`, (s) => s === 200), 60000, alive(addin)),
      );
    }
    await Promise.all(waits);

    const endpoints: StackEndpoints = {
      api: wiring.apiBaseUrl,
      bot: has('bot') ? `http://localhost:${ports.bot}/api/messages` : null,
      playground: has('bot') && has('playground') ? `http://localhost:${ports.playground}` : null,
      tab: has('tab') ? tabUrl : null,
      addin: has('addin') ? addinUrl : null,
      authority: m365.issuer,
      graph: m365.graphBaseUrl,
      storage: { connectionString: azurite.connectionString },
      tenantId: demoTenant.tenantId,
      apiClientId: demoTenant.apiApp.clientId,
      apiScope: `${demoTenant.apiApp.appIdUri}/access_as_user`,
      personas: demoPersonas(),
    };
    await writeEndpoints(settings.endpointsFile, endpoints);
    process.stdout.write(banner(endpoints));
    log(`ready; endpoints in ${settings.endpointsFile}`);
    return -1; // keep running until Ctrl-C
  } catch (error) {
    log(`start-up failed: ${(error as Error).message}`);
    await shutdown(1);
    return 1;
  }
}

/** Port 0 means "any free port"; a fixed port that is taken stops start-up naming the setting to change. */
async function resolvePorts(settings: DevStackSettings): Promise<DevStackSettings['ports']> {
  const ports = { ...settings.ports };
  const busy: string[] = [];
  for (const service of settings.services) {
    if (service === 'playground' && !settings.services.includes('bot')) continue;
    for (const key of portsOf[service]) {
      if (ports[key] === 0) ports[key] = await freePort();
      else if (await portInUse(ports[key])) busy.push(`  poort/port ${ports[key]} (${service}): zet/set ${portSetting[key]}`);
    }
  }
  if (busy.length) {
    throw new Error(`ports in use by another program:\n${busy.join('\n')}`);
  }
  return ports;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: Error) => {
    log(error.message);
    process.exit(1);
  },
);
