import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { TableClient, TableServiceClient, type TransactionAction } from '@azure/data-tables';
import type { SeededCase } from './seed-cases';

/**
 * Reuse of a seed across runs (decision 0018). Seeding 100,000 cases through the use cases takes hours on
 * Azurite (its table queries scan the whole table), and Azurite's own disk persistence writes its whole
 * table database as ONE JSON string every 5 s — about 1 GB at 100,000 cases, beyond what V8 can hold in a
 * string. So the bench keeps its own copy: every table the seed wrote, row by row as stored (NDJSON, one
 * file per table), restored into a fresh in-memory Azurite with batched upserts per partition.
 */

type Row = Record<string, unknown>;

/** Names the seed: the case count and everything that shapes the stored rows (case types, the API's storage and projection code). */
export function seedSnapshotKey(parts: { cases: number; inputs: readonly string[] }): string {
  const hash = createHash('sha256').update(`zaakwerk-bench-seed-v2\n${parts.cases}\n`);
  for (const input of parts.inputs) hash.update(createHash('sha256').update(input).digest('hex'));
  return hash.digest('hex').slice(0, 16);
}

/** A listed entity as it can be written back: without the service's ETag and timestamp. */
export function storedEntity(row: Row): Row {
  const entity: Row = {};
  for (const [name, value] of Object.entries(row)) {
    if (name === 'etag' || name === 'timestamp' || name === 'Timestamp' || name.startsWith('odata.')) continue;
    entity[name] = value;
  }
  return entity;
}

/** Consecutive rows of one partition in batches of at most `max` (an entity-group transaction holds 100). */
export function partitionBatches<T extends { partitionKey?: unknown }>(rows: readonly T[], max = 100): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  for (const row of rows) {
    if (current.length > 0 && (current.length >= max || current[0]?.partitionKey !== row.partitionKey)) {
      batches.push(current);
      current = [];
    }
    current.push(row);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const tableClient = (connectionString: string, name: string) =>
  TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });

export async function listTables(connectionString: string): Promise<string[]> {
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const names: string[] = [];
  for await (const table of service.listTables()) if (table.name) names.push(table.name);
  return names;
}

/** Writes `tables` and the seeded cases to `dir` (first to `dir.partial`, renamed when complete). */
export async function saveSnapshot(
  connectionString: string,
  tables: readonly string[],
  cases: readonly SeededCase[],
  seed: Row,
  dir: string,
): Promise<number> {
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(join(partial, 'tables'), { recursive: true });
  let rows = 0;
  for (const name of tables) {
    const out = createWriteStream(join(partial, 'tables', `${name}.ndjson`));
    // Typed values stay typed ({ value, type }), so Int64, DateTime and binary columns round-trip.
    for await (const row of tableClient(connectionString, name).listEntities<Row>({ disableTypeConversion: true })) {
      if (!out.write(`${JSON.stringify(storedEntity(row))}\n`)) await once(out, 'drain');
      rows++;
    }
    out.end();
    await once(out, 'finish');
  }
  await writeFile(join(partial, 'cases.json'), JSON.stringify(cases));
  await writeFile(join(partial, 'seed.json'), JSON.stringify(seed));
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return rows;
}

/** Restores a snapshot into (empty) tables of `connectionString`; resolves to the seeded cases and the seed's figures. */
export async function loadSnapshot(
  connectionString: string,
  dir: string,
  concurrency = 16,
): Promise<{ cases: SeededCase[]; seed: Row; rows: number } | null> {
  let cases: SeededCase[];
  let seed: Row;
  try {
    cases = JSON.parse(await readFile(join(dir, 'cases.json'), 'utf8')) as SeededCase[];
    seed = JSON.parse(await readFile(join(dir, 'seed.json'), 'utf8')) as Row;
  } catch {
    return null;
  }
  let rows = 0;
  for (const file of await readdir(join(dir, 'tables'))) {
    const table = tableClient(connectionString, file.replace(/\.ndjson$/, ''));
    await table.createTable();
    const inFlight = new Set<Promise<void>>();
    // Most partitions hold one row (number index, projection index): a plain upsert is cheaper than a batch.
    const submit = async (batch: Row[]) => {
      if (batch.length === 1) return void (await table.upsertEntity(batch[0] as never, 'Replace'));
      const actions: TransactionAction[] = batch.map((entity) => ['upsert', entity as never, 'Replace']);
      await table.submitTransaction(actions);
    };
    let pending: Row[] = [];
    const flush = async () => {
      for (const batch of partitionBatches(pending)) {
        const job = submit(batch).finally(() => inFlight.delete(job));
        inFlight.add(job);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      pending = [];
    };
    for await (const line of createInterface({ input: createReadStream(join(dir, 'tables', file)) })) {
      if (!line) continue;
      pending.push(JSON.parse(line) as Row);
      rows++;
      if (pending.length >= 5000) await flush();
    }
    await flush();
    await Promise.all(inFlight);
  }
  return { cases, seed, rows };
}
