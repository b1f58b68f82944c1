import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { workQueueIndexTableName, workQueueViewsTableName } from '@zaakwerk/functions/in-process';
import { workQueueTableName } from '@zaakwerk/functions/work-queue';
import { localDir, repoRoot } from '../local-dir';
import { demoTenant } from '../m365';
import { projectSeed, seedCases, seedDependencies, type SeededCase } from './seed-cases';
import { listTables, loadSnapshot, saveSnapshot, seedSnapshotKey } from './seed-snapshot';

type Json = Record<string, unknown>;

/**
 * The work-queue read model: not kept in a saved seed but projected again after restoring it (with the same
 * bulk projection as the seed). At 100,000 cases it is ~2 million rows, and Azurite lists a table a page of
 * 1,000 at a time, sorting what is left of the whole table for every page — reading it back would take longer
 * than projecting it anew.
 */
export const projectedTables: readonly string[] = [workQueueTableName, workQueueViewsTableName, workQueueIndexTableName];

/** The tables a seed saves: those it created, without the projected ones (pure). */
export const tablesToSave = (after: readonly string[], before: ReadonlySet<string>): string[] =>
  after.filter((name) => !before.has(name) && !projectedTables.includes(name));

/**
 * Seeded cases in storage before the API starts: the saved seed of an earlier run with the same inputs,
 * restored row by row and its read models projected again; or a new seed (seed-cases.ts), saved for the
 * next run. Resolves to the cases and the seed's figures for the results.
 */
export async function prepareSeed(options: {
  cases: number;
  seedConcurrency: number;
  freshSeed: boolean;
  saveSeed: boolean;
  connectionString: string;
  apiEnv: NodeJS.ProcessEnv;
  say: (line: string) => void;
}): Promise<{ cases: SeededCase[]; figures: Json }> {
  const { connectionString, say } = options;
  const seedDir = join(localDir(), `bench-seed-${seedSnapshotKey({ cases: options.cases, inputs: await seedInputs() })}`);
  const restoreStarted = performance.now();
  const restored = options.freshSeed ? null : await loadSnapshot(connectionString, seedDir);
  if (restored) {
    const restoreSeconds = (performance.now() - restoreStarted) / 1000;
    say(
      `restored the seed of ${restored.cases.length} cases (${restored.rows} rows) from ${seedDir} in ${restoreSeconds.toFixed(0)} s` +
        ` (seeded on ${String(restored.seed.seededAt)} in ${String(restored.seed.totalSeconds)} s); projecting its work queues…`,
    );
    const projection = await projectSeed(seedDependencies(options.apiEnv), restored.cases, say);
    return {
      cases: restored.cases,
      figures: {
        ...restored.seed,
        restoredFrom: seedDir,
        restoreSeconds: Math.round(restoreSeconds),
        restoreProjectionSeconds: Math.round(projection.seconds),
      },
    };
  }

  const before = new Set(await listTables(connectionString));
  say(`seeding ${options.cases} cases in-process, ${options.seedConcurrency} at a time…`);
  const seeded = await seedCases({
    count: options.cases,
    concurrency: options.seedConcurrency,
    env: options.apiEnv,
    connectionString,
    progress: say,
  });
  const figures: Json = {
    seededAt: new Date().toISOString(),
    cases: seeded.cases.length,
    concurrency: options.seedConcurrency,
    writeSeconds: Math.round(seeded.writeSeconds),
    registerPerSecond: Math.round((seeded.cases.length / seeded.writeSeconds) * 10) / 10,
    projectionSeconds: Math.round(seeded.projection.seconds),
    workQueueRows: seeded.projection.rows,
    outbox: seeded.outbox,
    totalSeconds: Math.round(seeded.totalSeconds),
    perSecond: Math.round((seeded.cases.length / seeded.totalSeconds) * 10) / 10,
    failures: seeded.failures,
  };
  say(
    `seeded ${seeded.cases.length} cases (registered by kcc, taken by ${demoTenant.personas.length} personas) in ${seeded.totalSeconds.toFixed(0)} s ` +
      `(${seeded.writeSeconds.toFixed(0)} s registering and taking, ${seeded.projection.seconds.toFixed(0)} s projecting ` +
      `${seeded.projection.rows} work-queue rows; ${seeded.outbox.droppedMessages} outbox messages dropped) = ${(seeded.cases.length / seeded.totalSeconds).toFixed(1)}/s` +
      (Object.keys(seeded.failures).length ? `; failures: ${JSON.stringify(seeded.failures)}` : ''),
  );
  if (options.saveSeed) {
    const written = tablesToSave(await listTables(connectionString), before);
    const t0 = performance.now();
    const rows = await saveSnapshot(connectionString, written, seeded.cases, figures, seedDir);
    say(
      `saved the seed (${rows} rows in ${written.length} tables) to ${seedDir} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  return { cases: seeded.cases, figures };
}

/**
 * What shapes the seeded rows: the case types, the API's compiled storage, case and projection code, and
 * the bench's own seeding code (what it registers, who takes it, how it projects).
 */
async function seedInputs(): Promise<string[]> {
  const inputs: string[] = [];
  const functions = join(repoRoot(), 'functions');
  const sources: [string, string][] = [
    [functions, 'case-types'],
    [functions, 'dist/src/adapters/table-storage'],
    [functions, 'dist/src/app/cases'],
    [functions, 'dist/src/app/projections'],
    [functions, 'dist/src/domain/cases'],
    [functions, 'dist/src/projections'],
  ];
  for (const [root, dir] of sources) {
    const files = (await readdir(join(root, dir)).catch(() => [] as string[])).filter((f) => /\.(ya?ml|js)$/.test(f)).sort();
    for (const file of files) inputs.push(`${dir}/${file}`, await readFile(join(root, dir, file), 'utf8'));
  }
  for (const file of ['seed-cases.js', 'seed-plan.js', 'seed-projection.js']) {
    inputs.push(`bench/${file}`, await readFile(join(__dirname, file), 'utf8'));
  }
  return inputs;
}
