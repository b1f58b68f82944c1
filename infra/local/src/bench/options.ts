/**
 * Options of `npm run bench` (after `npm run bench --`):
 *   --cases N             cases in storage before the read measurements (default 100000: the run)
 *   --seed-concurrency N  registrations in flight while seeding (default 64)
 *   --parallel N          registrations in one concurrent burst through the API (default 200)
 *   --sustained N         registrations through the API, 32 at a time, for the sustained rate (default 2000)
 *   --deferred N          registrations through the API with its projector switched off, then the projector's
 *                         catch-up (default: as --sustained; 0 skips it)
 *   --samples N           sequential samples per measured operation (default 100)
 *   --read-samples N      samples of get by id and get by number, each paired with a raw read (default 500)
 *   --documents-samples N transfers per file size through the API and straight to Graph (default 3)
 *   --no-documents        skip the document transfers
 *   --fresh-seed          seed anew even when a saved seed of this size exists
 *   --no-save-seed        do not save the seed for the next run
 *   --out FILE            where to write the JSON (default tests/bench/results/bench-<time>.json)
 */
export interface Options {
  cases: number;
  seedConcurrency: number;
  parallel: number;
  sustained: number;
  /** 0: skip the phase. */
  deferred: number;
  samples: number;
  /** Get by id and by number: their p95 judges a target, so more samples than the writes (cheap: ~10 ms each). */
  readSamples: number;
  documentsSamples: number;
  documents: boolean;
  freshSeed: boolean;
  saveSeed: boolean;
  out: string | undefined;
}

export function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (flag: string, fallback: number, min = 1): number => {
    const raw = value(flag);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`${flag} must be a ${min === 0 ? 'whole number of 0 or more' : 'positive whole number'}, not "${raw}"`);
    }
    return n;
  };
  const sustained = int('--sustained', 2000);
  return {
    cases: int('--cases', 100_000),
    seedConcurrency: int('--seed-concurrency', 64),
    parallel: int('--parallel', 200),
    sustained,
    deferred: int('--deferred', sustained, 0),
    samples: int('--samples', 100),
    readSamples: int('--read-samples', 500),
    documentsSamples: int('--documents-samples', 3),
    documents: !argv.includes('--no-documents'),
    freshSeed: argv.includes('--fresh-seed'),
    saveSeed: !argv.includes('--no-save-seed'),
    out: value('--out'),
  };
}
