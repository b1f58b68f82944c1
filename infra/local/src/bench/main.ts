#!/usr/bin/env node
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { workQueueTableName } from '@zaakwerk/functions/work-queue';
import { startAzurite } from '../azurite';
import { seedCaseTypes } from '../dev-stack/seed';
import { repoRoot, localDir } from '../local-dir';
import { passwordGrantToken, apiUserScope, startLocalM365, demoTenant } from '../m365';
import { freePort } from '../ports';
import { waitUntil, httpAnswers } from '../dev-stack/readiness';
import { countBy, summarize, type LatencySummary } from './stats';

/**
 * `npm run bench`: Azurite (in memory) + the local Microsoft 365 + the API in its own local Functions
 * host process, then timed HTTP calls as real clients make them (bearer tokens from the password grant).
 * Prints the figures and writes them as JSON to bench-results/ (git-ignored). Options:
 *   --cases N      cases in storage before the read measurements (default 1000; the full run is 100000)
 *   --parallel N   registrations in one concurrent burst (default 200)
 *   --samples N    sequential samples per measured operation (default 100)
 *   --out FILE     where to write the JSON (default bench-results/bench-<time>.json)
 * The numbers depend on the machine and on what else runs on it; compare runs made on one machine.
 */

interface Options {
  cases: number;
  parallel: number;
  samples: number;
  out: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (flag: string, fallback: number): number => {
    const raw = value(flag);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, not "${raw}"`);
    return n;
  };
  return { cases: int('--cases', 1000), parallel: int('--parallel', 200), samples: int('--samples', 100), out: value('--out') };
}

type Json = Record<string, unknown>;
interface Registered {
  id: string;
  number: string;
  etag: string;
  final: string | null;
}

/**
 * Shipped types in turn for seeding; all accept a registration without field values. Not yet
 * storingsonderhoud-netwerk: its legal term PT48H is refused by the deadline engine (422 duration.invalid).
 */
const seedTypes = ['omgevingsvergunning', 'klacht', 'subsidieaanvraag'];
const seedRegistration = (n: number): Json =>
  n % seedTypes.length === 0
    ? registration(n)
    : { caseType: seedTypes[n % seedTypes.length], title: `Bench ${n}`, parties: [], fields: {} };

const registration = (n: number): Json => ({
  caseType: 'omgevingsvergunning',
  title: `Bench dakkapel ${n}`,
  parties: [{ role: 'aanvrager', name: `Aanvrager ${n}`, email: `aanvrager${n}@example.nl` }],
  fields: { projectomschrijving: 'Dakkapel op het achterdakvlak', locatie: `Dorpsstraat ${n}, Voorbeeld`, bouwkosten: 12000 + n },
  channel: 'api',
});

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const started = new Date();
  const accessLog: string[] = [];
  let capture = false;
  const azurite = await startAzurite({
    inMemory: true,
    accessLog: true,
    log: (line) => {
      if (capture && line.includes('"')) accessLog.push(line);
    },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'zaakwerk-bench-'));
  let host: ChildProcess | undefined;
  try {
    const m365 = await startLocalM365({
      port: 0,
      dataDir,
      localDir: localDir(),
      storageConnectionString: azurite.connectionString,
    });
    try {
      const table = (name: string) =>
        TableClient.fromConnectionString(azurite.connectionString, name, { allowInsecureConnection: true });
      await seedCaseTypes(azurite.connectionString, () => {});

      // The API in its own process, as in Azure: its memory is its own, and the load generator does not share its event loop.
      const port = await freePort();
      const hostLog: string[] = [];
      host = spawn(
        process.execPath,
        [
          // ZAAKWERK_BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the API process there.
          ...(process.env.ZAAKWERK_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.ZAAKWERK_BENCH_CPU_PROF] : []),
          '-r',
          join(__dirname, 'memory-probe.js'),
          join(repoRoot(), 'infra/local/dist/src/functions-host/cli.js'),
          '--app',
          'api',
          '--port',
          String(port),
        ],
        {
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
          env: {
            ...process.env,
            ZAAKWERK_ENV: 'local',
            ZAAKWERK_STORAGE_CONNECTION_STRING: azurite.connectionString,
            AzureWebJobsStorage: azurite.connectionString,
            ZAAKWERK_TENANT_ID: demoTenant.tenantId,
            ZAAKWERK_AUTHORITY: m365.issuer,
            ZAAKWERK_API_CLIENT_ID: demoTenant.apiApp.clientId,
            ZAAKWERK_API_APP_ID_URI: demoTenant.apiApp.appIdUri,
            ZAAKWERK_API_CLIENT_SECRET: demoTenant.apiApp.clientSecret,
            ZAAKWERK_GRAPH_BASE_URL: m365.graphBaseUrl,
            ZAAKWERK_BOT_CLIENT_ID: demoTenant.botApp.clientId,
            ZAAKWERK_LOG_LEVEL: 'warn',
          },
        },
      );
      const keep = (chunk: Buffer) => {
        hostLog.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        if (hostLog.length > 200) hostLog.splice(0, hostLog.length - 200);
      };
      host.stdout?.on('data', keep);
      host.stderr?.on('data', keep);
      const child = host;
      const api = `http://127.0.0.1:${port}/api/v1`;
      await waitUntil(
        'the API',
        () => httpAnswers(`${api}/health`),
        60_000,
        () => child.exitCode === null,
      ).catch((error: unknown) => {
        throw new Error(`${(error as Error).message}\n${hostLog.join('\n')}`);
      });

      const handlers = demoTenant.personas.map((persona) => persona.login);
      const tokens = new Map<string, string>();
      const tokenFor = async (login: string) => {
        const cached = tokens.get(login);
        if (cached) return cached;
        const token = await passwordGrantToken(m365, login, demoTenant.password, apiUserScope);
        tokens.set(login, token);
        return token;
      };
      const call = async (
        method: string,
        path: string,
        body?: unknown,
        headers: Record<string, string> = {},
        login = 'behandelaar',
      ) => {
        const response = await fetch(`${api}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${await tokenFor(login)}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        return {
          status: response.status,
          etag: response.headers.get('etag') ?? '',
          body: text ? (JSON.parse(text) as Json) : {},
        };
      };
      /** Times `fn`; a result other than `expected` counts as an error (and its time is left out). */
      const timed = async <R extends { status: number }>(
        fn: () => Promise<R>,
        expected: number,
        into: number[],
        failures: string[],
      ): Promise<R> => {
        const t0 = performance.now();
        const result = await fn();
        const ms = performance.now() - t0;
        if (result.status === expected) into.push(ms);
        else failures.push(String(result.status));
        return result;
      };
      const toRegistered = (body: Json, etag: string): Registered => ({
        id: String(body.id),
        number: String(body.number),
        etag,
        final: ((body.deadline as Json | undefined)?.final as string | null | undefined) ?? null,
      });
      let counter = 0;
      const registerOne = async (samples: number[], failures: string[]): Promise<Registered | null> => {
        const r = await timed(() => call('POST', '/cases', registration(++counter)), 201, samples, failures);
        return r.status === 201 ? toRegistered(r.body, r.etag) : null;
      };
      /** Storage operations per request while `fn` runs `requests` requests. */
      const storageOps = async <T>(
        requests: number,
        fn: () => Promise<T>,
      ): Promise<{ result: T; perRequest: Record<string, number> }> => {
        accessLog.length = 0;
        capture = true;
        const result = await fn();
        await new Promise((resolve) => setTimeout(resolve, 300)); // let the access log lines arrive
        capture = false;
        const perRequest: Record<string, number> = {};
        let total = 0;
        for (const [target, count] of Object.entries(countBy(accessLog))) {
          perRequest[target] = Math.round((count / requests) * 100) / 100;
          total += count;
        }
        perRequest.total = Math.round((total / requests) * 100) / 100;
        return { result, perRequest };
      };
      const errorSummary = (failures: string[]) =>
        failures.length ? ` (${failures.length} errors: ${[...new Set(failures)].join(',')})` : '';

      const results: Json = {};
      const latencies: Record<string, LatencySummary> = {};
      const opsPerRequest: Record<string, Record<string, number>> = {};
      const report = (name: string, samples: number[], failures: string[]) => {
        latencies[name] = summarize(samples, failures.length);
        const s = latencies[name];
        say(`${name.padEnd(26)} p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  n=${s.count}${errorSummary(failures)}`);
      };

      say(`bench: ${options.samples} samples, burst of ${options.parallel}, ${options.cases} cases; ${cpus().length} cores`);
      // Warm-up: token caches, JIT, table creation.
      for (let i = 0; i < 10; i++) await registerOne([], []);

      // Raw Azurite: the floor every API call stands on.
      {
        const raw = table('BenchRaw');
        await raw.createTable();
        const inserts: number[] = [];
        const reads: number[] = [];
        for (let i = 0; i < options.samples; i++) {
          const t0 = performance.now();
          await raw.createEntity({ partitionKey: `p${i}`, rowKey: 'r', value: 'x'.repeat(2000) });
          inserts.push(performance.now() - t0);
        }
        for (let i = 0; i < options.samples; i++) {
          const t0 = performance.now();
          await raw.getEntity(`p${i}`, 'r');
          reads.push(performance.now() - t0);
        }
        report('raw insert', inserts, []);
        report('raw point read', reads, []);
      }

      // Registration, one at a time.
      const registered: Registered[] = [];
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const { perRequest } = await storageOps(options.samples, async () => {
          for (let i = 0; i < options.samples; i++) {
            const r = await registerOne(samples, failures);
            if (r) registered.push(r);
          }
        });
        opsPerRequest.register = perRequest;
        report('register (sequential)', samples, failures);
      }

      // Registration, a concurrent burst: throughput and latency under contention for the number counter.
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const t0 = performance.now();
        const burst = await Promise.all(Array.from({ length: options.parallel }, () => registerOne(samples, failures)));
        const seconds = (performance.now() - t0) / 1000;
        const ok = burst.filter((r): r is Registered => r !== null);
        registered.push(...ok);
        report(`register (${options.parallel} parallel)`, samples, failures);
        const numbers = new Set(ok.map((r) => r.number));
        results.registerBurst = {
          parallel: options.parallel,
          seconds: Math.round(seconds * 100) / 100,
          perSecond: Math.round((ok.length / seconds) * 10) / 10,
          distinctNumbers: numbers.size,
          failed: failures.length,
        };
        say(
          `  burst: ${ok.length} in ${seconds.toFixed(2)} s = ${(ok.length / seconds).toFixed(1)}/s, ${numbers.size} distinct numbers`,
        );
      }

      // Seeding up to --cases across the four types, 32 at a time (sustained throughput); then each
      // seeded case is taken by one of the eight demo personas, so every work queue has rows.
      const seeded: Registered[] = [];
      {
        const missing = Math.max(0, options.cases - registered.length);
        const concurrency = 32;
        const failures: string[] = [];
        let next = 0;
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: Math.min(concurrency, missing) }, async () => {
            while (next < missing) {
              const n = next++;
              const r = await timed(() => call('POST', '/cases', seedRegistration(n)), 201, [], failures);
              if (r.status === 201) seeded.push(toRegistered(r.body, r.etag));
            }
          }),
        );
        const seconds = (performance.now() - t0) / 1000;
        if (missing > 0) {
          results.registerSustained = {
            concurrency,
            cases: missing,
            seconds: Math.round(seconds * 100) / 100,
            perSecond: Math.round(((missing - failures.length) / seconds) * 10) / 10,
            failed: failures.length,
          };
          say(
            `register sustained (${concurrency} at a time): ${missing} in ${seconds.toFixed(1)} s = ${((missing - failures.length) / seconds).toFixed(1)}/s${errorSummary(failures)}`,
          );
        }
        const takeFailures: string[] = [];
        let taken = 0;
        const t1 = performance.now();
        await Promise.all(
          Array.from({ length: Math.min(concurrency, seeded.length) }, async () => {
            while (taken < seeded.length) {
              const i = taken++;
              const r = seeded[i] as Registered;
              const login = handlers[i % handlers.length] as string;
              const result = await timed(
                () => call('POST', `/cases/${r.id}/take`, {}, { 'if-match': r.etag }, login),
                200,
                [],
                takeFailures,
              );
              r.etag = result.etag;
            }
          }),
        );
        if (seeded.length > 0) {
          const takeSeconds = (performance.now() - t1) / 1000;
          say(
            `seeded cases taken by ${handlers.length} handlers: ${seeded.length} in ${takeSeconds.toFixed(1)} s${errorSummary(takeFailures)}`,
          );
        }
      }

      // Let the projector work off the registrations first: reads are measured on a quiet API, as in the issue.
      const outboxQueue = new QueueClient(azurite.connectionString, 'case-outbox');
      const drain = async () => {
        const t0 = performance.now();
        let quiet = 0;
        while (quiet < 3 && performance.now() - t0 < 180_000) {
          const { approximateMessagesCount = 0 } = await outboxQueue
            .getProperties()
            .catch(() => ({ approximateMessagesCount: 0 }));
          quiet = approximateMessagesCount === 0 ? quiet + 1 : 0;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        return Math.round(performance.now() - t0);
      };
      say(`projector caught up after ${await drain()} ms`);
      const everyCase = [...registered, ...seeded];
      const pick = (i: number): Registered => everyCase[(i * 7919) % everyCase.length] as Registered;
      // GET by id and by number.
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const { perRequest } = await storageOps(options.samples, async () => {
          for (let i = 0; i < options.samples; i++)
            await timed(() => call('GET', `/cases/${pick(i).id}`), 200, samples, failures);
        });
        opsPerRequest.getById = perRequest;
        report('get by id', samples, failures);
      }
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const { perRequest } = await storageOps(options.samples, async () => {
          for (let i = 0; i < options.samples; i++)
            await timed(() => call('GET', `/cases/${pick(i).number}`), 200, samples, failures);
        });
        opsPerRequest.getByNumber = perRequest;
        report('get by number', samples, failures);
      }

      // Lifecycle: a field update (PATCH with If-Match), taking a case, a phase move (gates met first).
      const fresh = registered.slice(0, options.samples * 3);
      const patched: Registered[] = [];
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const { perRequest } = await storageOps(options.samples, async () => {
          for (const r of fresh.slice(0, options.samples)) {
            const result = await timed(
              () => call('PATCH', `/cases/${r.id}`, { title: `${r.number} bijgewerkt` }, { 'if-match': r.etag }),
              200,
              samples,
              failures,
            );
            if (result.status === 200) patched.push({ ...r, etag: result.etag });
          }
        });
        opsPerRequest.updateField = perRequest;
        report('update field (PATCH)', samples, failures);
      }
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const { perRequest } = await storageOps(patched.length || 1, async () => {
          for (const r of patched) {
            const result = await timed(
              () => call('POST', `/cases/${r.id}/take`, {}, { 'if-match': r.etag }),
              200,
              samples,
              failures,
            );
            r.etag = result.etag;
          }
        });
        opsPerRequest.take = perRequest;
        report('take', samples, failures);
      }
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const ready: Registered[] = [];
        for (const r of fresh.slice(options.samples, options.samples * 2)) {
          let etag = r.etag;
          for (const item of ['ontvangst-bevestigd', 'volledig']) {
            etag = (await call('POST', `/cases/${r.id}/checklist`, { phase: 'intake', item, done: true }, { 'if-match': etag }))
              .etag;
          }
          ready.push({ ...r, etag });
        }
        const { perRequest } = await storageOps(ready.length || 1, async () => {
          for (const r of ready) {
            await timed(
              () => call('POST', `/cases/${r.id}/phase`, { phase: 'beoordeling' }, { 'if-match': r.etag }),
              200,
              samples,
              failures,
            );
          }
        });
        opsPerRequest.phaseMove = perRequest;
        report('phase move', samples, failures);
      }

      // The behandelaar's own queue (filled by the takes above, through the projector).
      await drain();
      {
        const samples: number[] = [];
        const failures: string[] = [];
        let firstPageSize = 0;
        const { perRequest } = await storageOps(options.samples, async () => {
          for (let i = 0; i < options.samples; i++) {
            const r = await timed(() => call('GET', '/cases?queue=mine'), 200, samples, failures);
            firstPageSize = ((r.body.items as unknown[] | undefined) ?? []).length;
          }
        });
        opsPerRequest.myWorkQueueFirstPage = perRequest;
        report('my work queue, first page', samples, failures);
        results.myWorkQueueFirstPageItems = firstPageSize;
      }

      // Projection lag: from the 201 of a registration until its row is in the case-type queue.
      {
        const workQueue = table(workQueueTableName);
        const samples: number[] = [];
        const failures: string[] = [];
        const lagSamples = Math.min(options.samples, 50);
        for (let i = 0; i < lagSamples; i++) {
          const r = await registerOne([], failures);
          if (!r?.final) continue;
          const t0 = performance.now();
          const rowKey = `${r.final}|${r.id}`;
          for (;;) {
            const found = await workQueue.getEntity('caseType:omgevingsvergunning', rowKey).then(
              () => true,
              () => false,
            );
            if (found) {
              samples.push(performance.now() - t0);
              break;
            }
            if (performance.now() - t0 > 30_000) {
              failures.push('timeout');
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          // Spread the samples over the poller's idle back-off, as real traffic would.
          await new Promise((resolve) => setTimeout(resolve, (i % 10) * 100));
        }
        report('projection lag', samples, failures);
      }

      const memory = await hostMemory(child);
      results.apiProcessMemoryMb = memory;
      say(
        `API process memory: rss ${memory.rssMb} MB (peak ${memory.peakRssMb} MB), heap used ${memory.heapUsedMb} MB of ${memory.heapTotalMb} MB`,
      );
      const ratio = (latencies['get by id']?.p95 ?? NaN) / (latencies['raw point read']?.p95 ?? NaN);
      results.getByIdP95OverRawReadP95 = Math.round(ratio * 100) / 100;
      say(`get by id p95 / raw point read p95: ${ratio.toFixed(2)}`);
      say('storage operations per request:');
      for (const [name, ops] of Object.entries(opsPerRequest)) say(`  ${name.padEnd(22)} ${JSON.stringify(ops)}`);

      const output = {
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: {
          cores: cpus().length,
          cpu: cpus()[0]?.model ?? null,
          memoryMb: Math.round(totalmem() / 2 ** 20),
          node: process.version,
        },
        options,
        casesInStorage: registered.length + seeded.length + 10,
        latencyMs: latencies,
        ...results,
        storageOpsPerRequest: opsPerRequest,
      };
      const out = options.out ?? join(repoRoot(), 'bench-results', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
      await mkdir(join(out, '..'), { recursive: true });
      await writeFile(out, `${JSON.stringify(output, null, 2)}\n`);
      say(`written to ${out}`);
    } finally {
      if (host && host.exitCode === null) {
        host.kill('SIGTERM');
        await new Promise((resolve) => host?.once('exit', resolve));
      }
      await m365.close();
    }
  } finally {
    await azurite.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
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

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
