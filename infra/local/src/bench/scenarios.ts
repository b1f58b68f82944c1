import { performance } from 'node:perf_hooks';
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { workQueueListColumns, workQueueTableName } from '@zaakwerk/functions/work-queue';
import type { ApiClient, Json } from './api-client';
import type { Measurements } from './measure';

/**
 * The measured series of `npm run bench` (decision 0018), in the order main.ts runs them: each a timed
 * series of real HTTP calls to the API (or, for the floors, of the same storage operations made straight to
 * Azurite), recorded into the run's Measurements.
 */
export interface Bench {
  m: Measurements;
  client: ApiClient;
  connectionString: string;
  samples: number;
  say: (line: string) => void;
}

export interface Registered {
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

const table = (connectionString: string, name: string) =>
  TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });

/** Registrations through the API (POST /cases), numbered across the whole run. */
export function createRegistrar(bench: Bench) {
  let counter = 0;
  const toRegistered = (body: Json, etag: string): Registered => ({
    id: String(body.id),
    number: String(body.number),
    etag,
    final: ((body.deadline as Json | undefined)?.final as string | null | undefined) ?? null,
  });
  return {
    async registerOne(samples: number[], failures: string[]): Promise<Registered | null> {
      const r = await bench.m.timed(() => bench.client.call('POST', '/cases', registration(++counter)), 201, samples, failures);
      return r.status === 201 ? toRegistered(r.body, r.etag) : null;
    },
    /** One registration outside any measured series (e.g. the case the document transfers use). */
    async registerUnmeasured(): Promise<Json> {
      const target = await bench.client.call('POST', '/cases', registration(++counter));
      if (target.status !== 201) throw new Error(`registering a case answered ${target.status}`);
      return target.body;
    },
  };
}
export type Registrar = ReturnType<typeof createRegistrar>;

/**
 * Raw Azurite: the floor every API call stands on — a case-sized insert and a point read in a table of
 * their own. The point read of a real case row (the row the API reads) is measured with the reads, each
 * one next to an API read (measureReads).
 */
export async function measureRawStorage(bench: Bench): Promise<void> {
  const { m, samples } = bench;
  const raw = table(bench.connectionString, 'BenchRaw');
  await raw.createTable();
  const inserts: number[] = [];
  const reads: number[] = [];
  const insertMs = await m.series(samples, async (i) => {
    const t0 = performance.now();
    await raw.createEntity({ partitionKey: `p${i}`, rowKey: 'r', value: 'x'.repeat(2000) });
    inserts.push(performance.now() - t0);
  });
  const readMs = await m.series(samples, async (i) => {
    const t0 = performance.now();
    await raw.getEntity(`p${i}`, 'r');
    reads.push(performance.now() - t0);
  });
  m.report('raw insert', inserts, [], insertMs);
  m.report('raw point read', reads, [], readMs);
}

/** Registration one at a time, in a concurrent burst, and sustained (32 in flight); returns the registered cases. */
export async function measureRegistrations(
  bench: Bench,
  registrar: Registrar,
  options: { parallel: number; sustained: number },
  results: Json,
): Promise<Registered[]> {
  const { m, samples: count, say } = bench;
  const registered: Registered[] = [];
  {
    const samples: number[] = [];
    const failures: string[] = [];
    let wall = 0;
    const { perRequest } = await m.storageOps(count, async () => {
      wall = await m.series(count, async () => {
        const r = await registrar.registerOne(samples, failures);
        if (r) registered.push(r);
      });
    });
    m.opsPerRequest['register (sequential)'] = perRequest;
    m.report('register (sequential)', samples, failures, wall);
  }

  // A concurrent burst: throughput and latency under contention for the number counter.
  {
    const samples: number[] = [];
    const failures: string[] = [];
    const t0 = performance.now();
    const burst = await Promise.all(Array.from({ length: options.parallel }, () => registrar.registerOne(samples, failures)));
    const wall = performance.now() - t0;
    const ok = burst.filter((r): r is Registered => r !== null);
    registered.push(...ok);
    const name = `register (burst of ${options.parallel})`;
    m.report(name, samples, failures, wall);
    const numbers = new Set(ok.map((r) => r.number));
    results.registerBurst = {
      parallel: options.parallel,
      seconds: Math.round(wall / 10) / 100,
      perSecond: m.throughput[name],
      distinctNumbers: numbers.size,
      failed: failures.length,
    };
    say(`  burst: ${ok.length} in ${(wall / 1000).toFixed(2)} s, ${numbers.size} distinct numbers`);
  }

  // Sustained: --sustained registrations through the API, 32 in flight all the time.
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
          const r = await registrar.registerOne(samples, failures);
          if (r) registered.push(r);
        }
      }),
    );
    const wall = performance.now() - t0;
    m.report('register (sustained)', samples, failures, wall);
    results.registerSustained = {
      concurrency,
      cases: options.sustained,
      seconds: Math.round(wall / 10) / 100,
      perSecond: m.throughput['register (sustained)'],
      failed: failures.length,
    };
  }
  return registered;
}

/** The name under which the API registers its outbox projector (functions/src/projections/work-queue.projector.ts). */
export const projectorFunctionName = 'workQueueProjector';

/**
 * Registration with the API's projector switched off (`AzureWebJobs.workQueueProjector.Disabled`, as in
 * Azure): what the registration path itself sustains when the projection does not share the two cores and
 * the one Azurite process with it (in Azure, more instances take the queue's work and Table Storage scales
 * out). Not the issue's target, which is judged on the sustained series with the projector running. The same
 * 32 in flight as that series; `bench` carries the client of the API host started this way.
 */
export async function measureRegistrationWithoutProjection(bench: Bench, count: number, results: Json): Promise<Registered[]> {
  const registrar = createRegistrar(bench);
  const concurrency = 32;
  const samples: number[] = [];
  const failures: string[] = [];
  const registered: Registered[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        next++;
        const r = await registrar.registerOne(samples, failures);
        if (r) registered.push(r);
      }
    }),
  );
  const wall = performance.now() - t0;
  const name = 'register (sustained, projection deferred)';
  bench.m.report(name, samples, failures, wall);
  results.registerDeferred = {
    concurrency,
    cases: count,
    seconds: Math.round(wall / 10) / 100,
    perSecond: bench.m.throughput[name],
    failed: failures.length,
  };
  return registered;
}

/** Until the projector has worked off the outbox queue (empty three times in a row); the milliseconds it took. */
export async function drainOutbox(connectionString: string): Promise<number> {
  const outboxQueue = new QueueClient(connectionString, 'case-outbox');
  const t0 = performance.now();
  let quiet = 0;
  while (quiet < 3 && performance.now() - t0 < 600_000) {
    const { approximateMessagesCount = 0 } = await outboxQueue.getProperties().catch(() => ({ approximateMessagesCount: 0 }));
    quiet = approximateMessagesCount === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return Math.round(performance.now() - t0);
}

/**
 * GET by id and by number, as the handler who holds the case (every persona may read its own cases), and
 * the floor they are judged against: a raw point read of a case row (decision 0018).
 *
 * Each API read is paired with a raw read of the case row of the same case, made just before or just
 * after it (alternating), so the two series see Azurite in the same state — its garbage collections and
 * whatever else runs then — instead of being minutes apart. Storage operations per request come from a
 * series of their own (`samples` reads, other cases), without the raw reads in between. Every read is of
 * a case not read before in the run: the API's worst case (no chain head kept for it).
 */
export async function measureReads(
  bench: Bench,
  readable: readonly { id: string; number: string }[],
  readSamples: number,
): Promise<void> {
  const { m, client } = bench;
  const cases = table(bench.connectionString, 'Cases');
  let next = 0;
  const pick = () => readable[(next++ * 7919) % readable.length] as { id: string; number: string };
  const rawReads: number[] = [];
  let rawMs = 0;
  const rawRead = async (id: string) => {
    const t0 = performance.now();
    await cases.getEntity(`case:${id}`, 'case');
    const ms = performance.now() - t0;
    rawReads.push(ms);
    rawMs += ms;
  };
  for (const [name, key] of [
    ['get by id', 'id'],
    ['get by number', 'number'],
  ] as const) {
    const { perRequest } = await m.storageOps(bench.samples, () =>
      m.series(bench.samples, () => client.call('GET', `/cases/${pick()[key]}`)),
    );
    m.opsPerRequest[name] = perRequest;
    const samples: number[] = [];
    const failures: string[] = [];
    let apiMs = 0;
    await m.series(readSamples, async (i) => {
      const c = pick();
      if (i % 2 === 0) await rawRead(c.id);
      const t0 = performance.now();
      await m.timed(() => client.call('GET', `/cases/${c[key]}`), 200, samples, failures);
      apiMs += performance.now() - t0;
      if (i % 2 === 1) await rawRead(c.id);
    });
    // One after the other: the rate is the series' own time, without the raw reads between its calls.
    m.report(name, samples, failures, apiMs);
  }
  m.report('raw point read (case row)', rawReads, [], rawMs);
}

/**
 * A field update (PATCH with If-Match), taking a case, a phase move (gates met first), on cases registered
 * above; `suffix` names a second series of them (e.g. with the projector switched off).
 */
export async function measureLifecycle(bench: Bench, registered: readonly Registered[], suffix = ''): Promise<void> {
  const { m, client } = bench;
  const fresh = registered.slice(0, bench.samples * 3);
  const patched: Registered[] = [];
  {
    const samples: number[] = [];
    const failures: string[] = [];
    let wall = 0;
    const { perRequest } = await m.storageOps(bench.samples, async () => {
      wall = await m.series(Math.min(bench.samples, fresh.length), async (i) => {
        const r = fresh[i] as Registered;
        const result = await m.timed(
          () => client.call('PATCH', `/cases/${r.id}`, { title: `${r.number} bijgewerkt` }, { 'if-match': r.etag }),
          200,
          samples,
          failures,
        );
        if (result.status === 200) patched.push({ ...r, etag: result.etag });
      });
    });
    m.opsPerRequest[`update field (PATCH)${suffix}`] = perRequest;
    m.report(`update field (PATCH)${suffix}`, samples, failures, wall);
  }
  {
    const samples: number[] = [];
    const failures: string[] = [];
    let wall = 0;
    const { perRequest } = await m.storageOps(patched.length || 1, async () => {
      wall = await m.series(patched.length, async (i) => {
        const r = patched[i] as Registered;
        const result = await m.timed(
          () => client.call('POST', `/cases/${r.id}/take`, {}, { 'if-match': r.etag }),
          200,
          samples,
          failures,
        );
        r.etag = result.etag;
      });
    });
    m.opsPerRequest[`take${suffix}`] = perRequest;
    m.report(`take${suffix}`, samples, failures, wall);
  }
  {
    const samples: number[] = [];
    const failures: string[] = [];
    const ready: Registered[] = [];
    for (const r of fresh.slice(bench.samples, bench.samples * 2)) {
      let etag = r.etag;
      for (const item of ['ontvangst-bevestigd', 'volledig']) {
        etag = (
          await client.call('POST', `/cases/${r.id}/checklist`, { phase: 'intake', item, done: true }, { 'if-match': etag })
        ).etag;
      }
      ready.push({ ...r, etag });
    }
    let wall = 0;
    const { perRequest } = await m.storageOps(ready.length || 1, async () => {
      wall = await m.series(ready.length, async (i) => {
        const r = ready[i] as Registered;
        await m.timed(
          () => client.call('POST', `/cases/${r.id}/phase`, { phase: 'beoordeling' }, { 'if-match': r.etag }),
          200,
          samples,
          failures,
        );
      });
    });
    m.opsPerRequest[`phase move${suffix}`] = perRequest;
    m.report(`phase move${suffix}`, samples, failures, wall);
  }
}

/**
 * "My work queue, first page" through the API (GET /cases?queue=mine as behandelaar: an eighth of the
 * seeded cases plus the takes above), and its floor: the same one-partition range query (the deadline
 * family of `assignee:<oid>` in WorkQueue, the same columns, top 50) straight to Azurite, right after it on
 * the same table. Azurite answers any query by scanning its whole table, so at 100,000 cases this floor is
 * Azurite's scan, not Table Storage's partition read (decision 0018).
 */
export async function measureWorkQueue(bench: Bench, assigneeId: string, results: Json): Promise<void> {
  const { m, client } = bench;
  {
    const samples: number[] = [];
    const failures: string[] = [];
    let firstPageSize = 0;
    let wall = 0;
    const { perRequest } = await m.storageOps(bench.samples, async () => {
      wall = await m.series(bench.samples, async () => {
        const r = await m.timed(() => client.call('GET', '/cases?queue=mine'), 200, samples, failures);
        firstPageSize = ((r.body.items as unknown[] | undefined) ?? []).length;
      });
    });
    m.opsPerRequest['my work queue, first page'] = perRequest;
    m.report('my work queue, first page', samples, failures, wall);
    results.myWorkQueueFirstPageItems = firstPageSize;
  }
  {
    const workQueue = table(bench.connectionString, workQueueTableName);
    const filter = `PartitionKey eq '${`assignee:${assigneeId}`.replace(/'/g, "''")}' and RowKey lt ':'`;
    const samples: number[] = [];
    let rows = 0;
    const wall = await m.series(bench.samples, async () => {
      const t0 = performance.now();
      const pages = workQueue
        .listEntities({ queryOptions: { filter, select: [...workQueueListColumns] } })
        .byPage({ maxPageSize: 50 });
      const page = (await pages.next()).value;
      samples.push(performance.now() - t0);
      rows = page ? page.length : 0;
    });
    m.report(rawQueuePage, samples, [], wall);
    results.rawQueuePageItems = rows;
  }
}

/** The name of the raw floor of the work-queue page. */
export const rawQueuePage = 'raw range query (top 50)';

/** Projection lag: from the 201 of a registration until its row is in the case-type queue. */
export async function measureProjectionLag(bench: Bench, registrar: Registrar): Promise<void> {
  const workQueue = table(bench.connectionString, workQueueTableName);
  const samples: number[] = [];
  const failures: string[] = [];
  const lagSamples = Math.min(bench.samples, 50);
  const t0 = performance.now();
  for (let i = 0; i < lagSamples; i++) {
    const r = await registrar.registerOne([], failures);
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
  bench.m.report('projection lag', samples, failures, performance.now() - t0);
  delete bench.m.throughput['projection lag'];
}
