#!/usr/bin/env node
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../azurite';
import { seedCaseTypes } from '../dev-stack/seed';
import { repoRoot, localDir } from '../local-dir';
import { passwordGrantToken, startLocalM365, demoTenant } from '../m365';
import { createApiClient } from './api-client';
import { apiSettings, startApiHost, type ApiHost } from './api-host';
import { benchDocuments } from './documents';
import { createAccessLogCapture, createMeasurements } from './measure';
import { parseOptions } from './options';
import { compareWithRaw, rawFloors, machine, printReport, resultsPath, writeResults } from './report';
import {
  createRegistrar,
  drainOutbox,
  measureLifecycle,
  measureProjectionLag,
  measureRawStorage,
  measureReads,
  measureRegistrationWithoutProjection,
  measureRegistrations,
  projectorFunctionName,
  measureWorkQueue,
  type Bench,
} from './scenarios';
import { prepareSeed } from './seed';
import { judgeTargets } from './stats';

/**
 * `npm run bench` (issue 4 item 8, issue 7 item 10; decision 0018): Azurite (in memory) + the local
 * Microsoft 365 + the API in its own local Functions host process. First `--cases` cases are seeded
 * in-process with the API's own registration and take use cases, their work queues projected in bulk with
 * the projector's own code (seed-cases.ts), then timed HTTP calls are made as real clients make them
 * (bearer tokens from the password grant). Prints the figures, the targets with met/missed, and writes
 * them as JSON to tests/bench/results/ (git-ignored). A seed is saved to .local/bench-seed-<hash> and
 * restored by the next run instead of seeding again (seed.ts). Options: options.ts.
 * The numbers depend on the machine and on what else runs on it; compare runs made on one machine.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const started = new Date();
  const accessLog = createAccessLogCapture();
  const azurite = await startAzurite({
    inMemory: true,
    accessLog: true,
    // 100,000 cases with their events and read-model rows (~2.5 million entities) take several GB in Azurite's in-memory tables.
    nodeArgs: ['--max-old-space-size=12288'],
    log: (line) => accessLog.line(line),
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'zaakwerk-bench-'));
  let host: ApiHost | undefined;
  try {
    const m365 = await startLocalM365({
      port: 0,
      dataDir,
      localDir: localDir(),
      storageConnectionString: azurite.connectionString,
    });
    try {
      await seedCaseTypes(azurite.connectionString, () => {});
      const apiEnv = apiSettings(azurite.connectionString, m365);
      const results: Record<string, unknown> = {};
      say(
        `bench: ${options.cases} cases, ${options.samples} samples, burst of ${options.parallel}, ${options.sustained} sustained; ` +
          `${cpus().length} cores, load average ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
      );

      // Seeding in-process with the API's own code (decision 0018), before the API starts; or the saved seed.
      const seed = await prepareSeed({ ...options, connectionString: azurite.connectionString, apiEnv, say });
      results.seed = seed.figures;

      host = await startApiHost(apiEnv);
      const bench: Bench = {
        m: createMeasurements(say, accessLog),
        client: createApiClient(host.api, m365),
        connectionString: azurite.connectionString,
        samples: options.samples,
        say,
      };
      const registrar = createRegistrar(bench);

      // Warm-up: token caches, JIT, table creation.
      for (let i = 0; i < 10; i++) await registrar.registerOne([], []);
      await measureRawStorage(bench);
      const registered = await measureRegistrations(bench, registrar, options, results);
      // Let the projector work off the registrations first: reads are measured on a quiet API, as in the issue.
      say(`projector caught up after ${await drainOutbox(azurite.connectionString)} ms`);
      await measureReads(bench, seed.cases.length ? seed.cases : registered, options.readSamples);
      await measureLifecycle(bench, registered);
      await drainOutbox(azurite.connectionString);
      const behandelaar = demoTenant.personas.find((p) => p.login === 'behandelaar');
      if (!behandelaar) throw new Error('the demo tenant has no behandelaar');
      await measureWorkQueue(bench, behandelaar.id, results);
      await measureProjectionLag(bench, registrar);

      // Issue 7 item 10: document transfers through the API against the same transfers straight to Graph.
      if (options.documents) {
        const target = await registrar.registerUnmeasured();
        results.documents = await benchDocuments(
          {
            api: host.api,
            apiToken: await bench.client.tokenFor('behandelaar'),
            graphBaseUrl: m365.graphBaseUrl,
            graphToken: await passwordGrantToken(m365, 'behandelaar', demoTenant.password, 'Files.ReadWrite.All'),
            caseId: String(target.id),
          },
          [1, 50],
          options.documentsSamples,
          say,
        );
      }

      const memory = await host.memory();
      results.apiProcessMemoryMb = memory;
      say(
        `API process memory: rss ${memory.rssMb} MB (peak ${memory.peakRssMb} MB), heap used ${memory.heapUsedMb} MB of ${memory.heapTotalMb} MB`,
      );

      // Last (after the memory reading, which must come from the process that ran everything): registration
      // with the projector switched off, then the projector's catch-up on a host started as usual.
      if (options.deferred > 0) {
        await host.stop();
        say(`registering ${options.deferred} with the API's projector switched off…`);
        const deferred = await startApiHost({ ...apiEnv, [`AzureWebJobs.${projectorFunctionName}.Disabled`]: 'true' });
        try {
          const client = createApiClient(deferred.api, m365);
          const withoutProjection = await measureRegistrationWithoutProjection({ ...bench, client }, options.deferred, results);
          registered.push(...withoutProjection);
          // The same changes as above, now without the projection of each one competing for Azurite.
          await measureLifecycle({ ...bench, client }, withoutProjection, ', projection deferred');
        } finally {
          await deferred.stop();
        }
        host = await startApiHost(apiEnv);
        const catchUpMs = await drainOutbox(azurite.connectionString);
        results.projectionCatchUp = {
          cases: options.deferred,
          seconds: Math.round(catchUpMs / 10) / 100,
          perSecond: Math.round((options.deferred / (catchUpMs / 1000)) * 10) / 10,
        };
        say(`  the projector caught up with them in ${(catchUpMs / 1000).toFixed(1)} s`);
      }

      const { latencies, throughput, opsPerRequest } = bench.m;
      const { ratios, rows } = compareWithRaw(bench.m);
      results.apiOverRawP95 = ratios;
      const targets = judgeTargets({
        getByIdP95: latencies['get by id']?.p95 ?? null,
        rawPointReadP95: latencies[rawFloors.read]?.p95 ?? null,
        myWorkQueueP95: latencies['my work queue, first page']?.p95 ?? null,
        registerSustainedPerSecond: throughput['register (sustained)'] ?? null,
        apiRssMb: memory.rssMb ?? null,
      });
      printReport(say, bench.m, rows, targets);

      const out = resultsPath(repoRoot(), started, options.out);
      await writeResults(out, {
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: machine(),
        options,
        casesInStorage: seed.cases.length + registered.length + 10,
        latencyMs: latencies,
        throughputPerSecond: throughput,
        targets,
        ...results,
        storageOpsPerRequest: opsPerRequest,
      });
      say(`written to ${out}`);
    } finally {
      await host?.stop();
      await m365.close();
    }
  } finally {
    await azurite.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
