#!/usr/bin/env node
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
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
import { benchDocuments } from './documents';
import { seedCases, type SeededCase } from './seed-cases';
import { listTables, loadSnapshot, saveSnapshot, seedSnapshotKey } from './seed-snapshot';
import { countBy, formatTable, judgeTargets, perSecond, summarize, type LatencySummary } from './stats';

/**
 * `npm run bench` (issue 4 item 8, issue 7 item 10; decision 0018): Azurite (in memory) + the local
 * Microsoft 365 + the API in its own local Functions host process. First `--cases` cases are seeded
 * in-process with the API's own registration and take use cases and its projector (seed-cases.ts), then
 * timed HTTP calls are made as real clients make them (bearer tokens from the password grant). Prints the
 * figures, the targets with met/missed, and writes them as JSON to tests/bench/results/ (git-ignored).
 * A seed is saved to .local/bench-seed-<hash> (the hash covers the case count, the case types and the API's
 * storage and projection code) and restored by the next run instead of seeding again (seed-snapshot.ts).
 * Options (after `npm run bench --`):
 *   --cases N             cases in storage before the read measurements (default 100000: the run)
 *   --seed-concurrency N  registrations in flight while seeding (default 64)
 *   --parallel N          registrations in one concurrent burst through the API (default 200)
 *   --sustained N         registrations through the API, 32 at a time, for the sustained rate (default 2000)
 *   --samples N           sequential samples per measured operation (default 100)
 *   --documents-samples N transfers per file size through the API and straight to Graph (default 3)
 *   --no-documents        skip the document transfers
 *   --fresh-seed          seed anew even when a saved seed of this size exists
 *   --no-save-seed        do not save the seed for the next run
 *   --out FILE            where to write the JSON (default tests/bench/results/bench-<time>.json)
 * The numbers depend on the machine and on what else runs on it; compare runs made on one machine.
 */

interface Options {
  cases: number;
  seedConcurrency: number;
  parallel: number;
  sustained: number;
  samples: number;
  documentsSamples: number;
  documents: boolean;
  freshSeed: boolean;
  saveSeed: boolean;
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
  return {
    cases: int('--cases', 100_000),
    seedConcurrency: int('--seed-concurrency', 64),
    parallel: int('--parallel', 200),
    sustained: int('--sustained', 2000),
    samples: int('--samples', 100),
    documentsSamples: int('--documents-samples', 3),
    documents: !argv.includes('--no-documents'),
    freshSeed: argv.includes('--fresh-seed'),
    saveSeed: !argv.includes('--no-save-seed'),
    out: value('--out'),
  };
}

type Json = Record<string, unknown>;
interface Registered {
  id: string;
  number: string;
  etag: string;
  final: string | null;
}

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
    // 100,000 cases with their events and read-model rows take a few GB in Azurite's in-memory tables.
    nodeArgs: ['--max-old-space-size=12288'],
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
      // The API's settings: the same for the in-process seeding and for the API's own host process.
      const apiEnv: NodeJS.ProcessEnv = {
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
        // The per-user limiter (600/min by default) would cap one user's registrations at 10/s: the bench measures capacity.
        ZAAKWERK_RATE_LIMIT_PER_MINUTE: '999999',
      };
      const results: Json = {};
      say(
        `bench: ${options.cases} cases, ${options.samples} samples, burst of ${options.parallel}, ${options.sustained} sustained; ` +
          `${cpus().length} cores, load average ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
      );

      // Seeding in-process with the API's own use cases and projector (decision 0018), before the API starts;
      // or the saved seed of an earlier run with the same inputs, restored row by row.
      const seedDir = join(localDir(), `bench-seed-${seedSnapshotKey({ cases: options.cases, inputs: await seedInputs() })}`);
      const restoreStarted = performance.now();
      const restored = options.freshSeed ? null : await loadSnapshot(azurite.connectionString, seedDir);
      let seed: { cases: SeededCase[] };
      if (restored) {
        seed = restored;
        results.seed = {
          ...restored.seed,
          restoredFrom: seedDir,
          restoreSeconds: Math.round((performance.now() - restoreStarted) / 1000),
        };
        say(
          `restored the seed of ${restored.cases.length} cases (${restored.rows} rows) from ${seedDir} in ${((performance.now() - restoreStarted) / 1000).toFixed(0)} s` +
            ` (seeded on ${String(restored.seed.seededAt)} in ${String(restored.seed.totalSeconds)} s)`,
        );
      } else {
        const before = new Set(await listTables(azurite.connectionString));
        say(`seeding ${options.cases} cases in-process, ${options.seedConcurrency} at a time…`);
        const seeded = await seedCases({
          count: options.cases,
          concurrency: options.seedConcurrency,
          env: apiEnv,
          connectionString: azurite.connectionString,
          progress: say,
        });
        seed = seeded;
        results.seed = {
          seededAt: new Date().toISOString(),
          cases: seeded.cases.length,
          concurrency: options.seedConcurrency,
          writeSeconds: Math.round(seeded.writeSeconds),
          totalSeconds: Math.round(seeded.totalSeconds),
          perSecond: Math.round((seeded.cases.length / seeded.totalSeconds) * 10) / 10,
          failures: seeded.failures,
        };
        say(
          `seeded ${seeded.cases.length} cases (registered by kcc, taken by ${demoTenant.personas.length} personas) in ${seeded.totalSeconds.toFixed(0)} s ` +
            `(${seeded.writeSeconds.toFixed(0)} s writing, then the projector's backlog) = ${(seeded.cases.length / seeded.totalSeconds).toFixed(1)}/s` +
            (Object.keys(seeded.failures).length ? `; failures: ${JSON.stringify(seeded.failures)}` : ''),
        );
        if (options.saveSeed) {
          const written = (await listTables(azurite.connectionString)).filter((name) => !before.has(name));
          const t0 = performance.now();
          const rows = await saveSnapshot(azurite.connectionString, written, seeded.cases, results.seed as Json, seedDir);
          say(
            `saved the seed (${rows} rows in ${written.length} tables) to ${seedDir} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
          );
        }
      }

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
        { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: apiEnv },
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
      /** Storage operations per request while `fn` runs `requests` requests (Azurite's access log). */
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

      const latencies: Record<string, LatencySummary> = {};
      const throughput: Record<string, number> = {};
      const opsPerRequest: Record<string, Record<string, number>> = {};
      /** Records one measured operation; `wallMs` is the time the whole series took (for its rate). */
      const report = (name: string, samples: number[], failures: string[], wallMs: number) => {
        latencies[name] = summarize(samples, failures.length);
        throughput[name] = perSecond(samples.length, wallMs);
        const s = latencies[name];
        say(
          `${name.padEnd(28)} p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  n=${s.count}  ${throughput[name]}/s${errorSummary(failures)}`,
        );
      };
      /** Runs `fn` `count` times one after the other, timing each; returns the wall time. */
      const series = async (count: number, fn: (i: number) => Promise<unknown>): Promise<number> => {
        const t0 = performance.now();
        for (let i = 0; i < count; i++) await fn(i);
        return performance.now() - t0;
      };

      // Warm-up: token caches, JIT, table creation.
      for (let i = 0; i < 10; i++) await registerOne([], []);

      // Raw Azurite: the floor every API call stands on (a case-sized entity, into a table as full as the cases table).
      {
        const raw = table('BenchRaw');
        await raw.createTable();
        const inserts: number[] = [];
        const reads: number[] = [];
        const insertMs = await series(options.samples, async (i) => {
          const t0 = performance.now();
          await raw.createEntity({ partitionKey: `p${i}`, rowKey: 'r', value: 'x'.repeat(2000) });
          inserts.push(performance.now() - t0);
        });
        const readMs = await series(options.samples, async (i) => {
          const t0 = performance.now();
          await raw.getEntity(`p${i}`, 'r');
          reads.push(performance.now() - t0);
        });
        report('raw insert', inserts, [], insertMs);
        report('raw point read', reads, [], readMs);
        // A point read of a real case row, in the full Cases table (the table the API reads).
        const caseReads: number[] = [];
        const cases = table('Cases');
        const sample = seed.cases.length ? seed.cases : [];
        const caseReadMs = await series(sample.length ? options.samples : 0, async (i) => {
          const c = sample[(i * 7919) % sample.length] as { id: string };
          const t0 = performance.now();
          await cases.getEntity(`case:${c.id}`, 'case').catch(() => undefined);
          caseReads.push(performance.now() - t0);
        });
        if (caseReads.length) report('raw point read (case row)', caseReads, [], caseReadMs);
      }

      // Registration, one at a time.
      const registered: Registered[] = [];
      {
        const samples: number[] = [];
        const failures: string[] = [];
        let wall = 0;
        const { perRequest } = await storageOps(options.samples, async () => {
          wall = await series(options.samples, async () => {
            const r = await registerOne(samples, failures);
            if (r) registered.push(r);
          });
        });
        opsPerRequest['register (sequential)'] = perRequest;
        report('register (sequential)', samples, failures, wall);
      }

      // Registration, a concurrent burst: throughput and latency under contention for the number counter.
      {
        const samples: number[] = [];
        const failures: string[] = [];
        const t0 = performance.now();
        const burst = await Promise.all(Array.from({ length: options.parallel }, () => registerOne(samples, failures)));
        const wall = performance.now() - t0;
        const ok = burst.filter((r): r is Registered => r !== null);
        registered.push(...ok);
        const name = `register (burst of ${options.parallel})`;
        report(name, samples, failures, wall);
        const numbers = new Set(ok.map((r) => r.number));
        results.registerBurst = {
          parallel: options.parallel,
          seconds: Math.round(wall / 10) / 100,
          perSecond: throughput[name],
          distinctNumbers: numbers.size,
          failed: failures.length,
        };
        say(`  burst: ${ok.length} in ${(wall / 1000).toFixed(2)} s, ${numbers.size} distinct numbers`);
      }

      // Registration, sustained: --sustained registrations through the API, 32 in flight all the time.
      {
        const concurrency = 32;
        const samples: number[] = [];
        const failures: string[] = [];
        let next = 0;
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: Math.min(concurrency, options.sustained) }, async () => {
            while (next < options.sustained) {
              next++;
              const r = await registerOne(samples, failures);
              if (r) registered.push(r);
            }
          }),
        );
        const wall = performance.now() - t0;
        report('register (sustained)', samples, failures, wall);
        results.registerSustained = {
          concurrency,
          cases: options.sustained,
          seconds: Math.round(wall / 10) / 100,
          perSecond: throughput['register (sustained)'],
          failed: failures.length,
        };
      }

      // Let the projector work off the registrations first: reads are measured on a quiet API, as in the issue.
      const outboxQueue = new QueueClient(azurite.connectionString, 'case-outbox');
      const drain = async () => {
        const t0 = performance.now();
        let quiet = 0;
        while (quiet < 3 && performance.now() - t0 < 600_000) {
          const { approximateMessagesCount = 0 } = await outboxQueue
            .getProperties()
            .catch(() => ({ approximateMessagesCount: 0 }));
          quiet = approximateMessagesCount === 0 ? quiet + 1 : 0;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        return Math.round(performance.now() - t0);
      };
      say(`projector caught up after ${await drain()} ms`);
      const readable: { id: string; number: string }[] = seed.cases.length ? seed.cases : registered;
      const pick = (i: number) => readable[(i * 7919) % readable.length] as { id: string; number: string };
      // GET by id and by number, as the handler who holds the case (every persona may read its own cases).
      for (const [name, key] of [
        ['get by id', 'id'],
        ['get by number', 'number'],
      ] as const) {
        const samples: number[] = [];
        const failures: string[] = [];
        let wall = 0;
        const { perRequest } = await storageOps(options.samples, async () => {
          wall = await series(options.samples, (i) => timed(() => call('GET', `/cases/${pick(i)[key]}`), 200, samples, failures));
        });
        opsPerRequest[name] = perRequest;
        report(name, samples, failures, wall);
      }

      // Lifecycle: a field update (PATCH with If-Match), taking a case, a phase move (gates met first).
      const fresh = registered.slice(0, options.samples * 3);
      const patched: Registered[] = [];
      {
        const samples: number[] = [];
        const failures: string[] = [];
        let wall = 0;
        const { perRequest } = await storageOps(options.samples, async () => {
          wall = await series(Math.min(options.samples, fresh.length), async (i) => {
            const r = fresh[i] as Registered;
            const result = await timed(
              () => call('PATCH', `/cases/${r.id}`, { title: `${r.number} bijgewerkt` }, { 'if-match': r.etag }),
              200,
              samples,
              failures,
            );
            if (result.status === 200) patched.push({ ...r, etag: result.etag });
          });
        });
        opsPerRequest['update field (PATCH)'] = perRequest;
        report('update field (PATCH)', samples, failures, wall);
      }
      {
        const samples: number[] = [];
        const failures: string[] = [];
        let wall = 0;
        const { perRequest } = await storageOps(patched.length || 1, async () => {
          wall = await series(patched.length, async (i) => {
            const r = patched[i] as Registered;
            const result = await timed(
              () => call('POST', `/cases/${r.id}/take`, {}, { 'if-match': r.etag }),
              200,
              samples,
              failures,
            );
            r.etag = result.etag;
          });
        });
        opsPerRequest.take = perRequest;
        report('take', samples, failures, wall);
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
        let wall = 0;
        const { perRequest } = await storageOps(ready.length || 1, async () => {
          wall = await series(ready.length, async (i) => {
            const r = ready[i] as Registered;
            await timed(
              () => call('POST', `/cases/${r.id}/phase`, { phase: 'beoordeling' }, { 'if-match': r.etag }),
              200,
              samples,
              failures,
            );
          });
        });
        opsPerRequest['phase move'] = perRequest;
        report('phase move', samples, failures, wall);
      }

      // The behandelaar's own queue: an eighth of the seeded cases, plus the takes above.
      await drain();
      {
        const samples: number[] = [];
        const failures: string[] = [];
        let firstPageSize = 0;
        let wall = 0;
        const { perRequest } = await storageOps(options.samples, async () => {
          wall = await series(options.samples, async () => {
            const r = await timed(() => call('GET', '/cases?queue=mine'), 200, samples, failures);
            firstPageSize = ((r.body.items as unknown[] | undefined) ?? []).length;
          });
        });
        opsPerRequest['my work queue, first page'] = perRequest;
        report('my work queue, first page', samples, failures, wall);
        results.myWorkQueueFirstPageItems = firstPageSize;
      }

      // Projection lag: from the 201 of a registration until its row is in the case-type queue.
      {
        const workQueue = table(workQueueTableName);
        const samples: number[] = [];
        const failures: string[] = [];
        const lagSamples = Math.min(options.samples, 50);
        const t0 = performance.now();
        for (let i = 0; i < lagSamples; i++) {
          const r = await registerOne([], failures);
          if (!r?.final) continue;
          const t1 = performance.now();
          const rowKey = `${r.final}|${r.id}`;
          for (;;) {
            const found = await workQueue.getEntity('caseType:omgevingsvergunning', rowKey).then(
              () => true,
              () => false,
            );
            if (found) {
              samples.push(performance.now() - t1);
              break;
            }
            if (performance.now() - t1 > 30_000) {
              failures.push('timeout');
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          // Spread the samples over the poller's idle back-off, as real traffic would.
          await new Promise((resolve) => setTimeout(resolve, (i % 10) * 100));
        }
        report('projection lag', samples, failures, performance.now() - t0);
        delete throughput['projection lag'];
      }

      // Issue 7 item 10: document transfers through the API against the same transfers straight to Graph.
      if (options.documents) {
        const target = await call('POST', '/cases', registration(++counter));
        if (target.status !== 201) throw new Error(`registering the documents case answered ${target.status}`);
        results.documents = await benchDocuments(
          {
            api,
            apiToken: await tokenFor('behandelaar'),
            graphBaseUrl: m365.graphBaseUrl,
            graphToken: await passwordGrantToken(m365, 'behandelaar', demoTenant.password, 'Files.ReadWrite.All'),
            caseId: String(target.body.id),
          },
          [1, 50],
          options.documentsSamples,
          say,
        );
      }

      const memory = await hostMemory(child);
      results.apiProcessMemoryMb = memory;
      say(
        `API process memory: rss ${memory.rssMb} MB (peak ${memory.peakRssMb} MB), heap used ${memory.heapUsedMb} MB of ${memory.heapTotalMb} MB`,
      );

      const rawRead = latencies['raw point read'];
      const rawInsert = latencies['raw insert'];
      const ratios: Record<string, number> = {};
      const rows: string[][] = [['operation', 'p50 ms', 'p95 ms', 'p99 ms', 'n', 'per s', 'storage ops/req', '× raw p95']];
      for (const [name, s] of Object.entries(latencies)) {
        const reads = name.startsWith('get') || name.startsWith('my work queue');
        const writes = name.startsWith('register') || name.startsWith('update') || name === 'take' || name === 'phase move';
        const floor = reads ? rawRead : writes ? rawInsert : undefined;
        if (floor) ratios[name] = Math.round((s.p95 / floor.p95) * 100) / 100;
        rows.push([
          name,
          String(s.p50),
          String(s.p95),
          String(s.p99),
          String(s.count),
          throughput[name] === undefined ? '' : String(throughput[name]),
          opsPerRequest[name]?.total === undefined ? '' : String(opsPerRequest[name]?.total),
          ratios[name] === undefined ? '' : `${ratios[name]} (${reads ? 'read' : 'insert'})`,
        ]);
      }
      results.apiOverRawP95 = ratios;
      say('');
      say(formatTable(rows));
      say('');
      const targets = judgeTargets({
        getByIdP95: latencies['get by id']?.p95 ?? null,
        rawPointReadP95: rawRead?.p95 ?? null,
        myWorkQueueP95: latencies['my work queue, first page']?.p95 ?? null,
        registerSustainedPerSecond: throughput['register (sustained)'] ?? null,
        apiRssMb: memory.rssMb ?? null,
      });
      say(
        formatTable([
          ['target', 'measured', 'limit', 'result'],
          ...targets.map((t) => [
            t.target,
            t.measured === null ? '–' : `${t.measured} ${t.unit}`,
            t.limit === null ? '–' : `${t.limit} ${t.unit}`,
            t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED',
          ]),
        ]),
      );
      say('storage operations per request (Azurite access log, incl. the projector work a request causes):');
      for (const [name, ops] of Object.entries(opsPerRequest)) say(`  ${name.padEnd(26)} ${JSON.stringify(ops)}`);

      const output = {
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: {
          cores: cpus().length,
          cpu: cpus()[0]?.model ?? null,
          memoryMb: Math.round(totalmem() / 2 ** 20),
          node: process.version,
          loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
        },
        options,
        casesInStorage: seed.cases.length + registered.length + 10,
        latencyMs: latencies,
        throughputPerSecond: throughput,
        targets,
        ...results,
        storageOpsPerRequest: opsPerRequest,
      };
      const out =
        options.out ?? join(repoRoot(), 'tests', 'bench', 'results', `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
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

/** What shapes the seeded rows: the case types and the API's compiled storage, case and projection code. */
async function seedInputs(): Promise<string[]> {
  const inputs: string[] = [];
  const functions = join(repoRoot(), 'functions');
  for (const dir of [
    'case-types',
    'dist/src/adapters/table-storage',
    'dist/src/app/cases',
    'dist/src/app/projections',
    'dist/src/domain/cases',
  ]) {
    const files = (await readdir(join(functions, dir)).catch(() => [] as string[])).filter((f) => /\.(ya?ml|js)$/.test(f)).sort();
    for (const file of files) inputs.push(`${dir}/${file}`, await readFile(join(functions, dir, file), 'utf8'));
  }
  return inputs;
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
