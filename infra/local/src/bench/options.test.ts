import { parseOptions } from './options';

describe('bench options', () => {
  it("defaults to the issue's run", () => {
    expect(parseOptions([])).toEqual({
      cases: 100_000,
      seedConcurrency: 64,
      parallel: 200,
      sustained: 2000,
      deferred: 2000,
      samples: 100,
      readSamples: 500,
      documentsSamples: 3,
      documents: true,
      freshSeed: false,
      saveSeed: true,
      out: undefined,
    });
  });

  it('reads every flag', () => {
    expect(
      parseOptions(
        '--cases 5000 --seed-concurrency 128 --parallel 20 --sustained 300 --samples 50 --read-samples 40 --documents-samples 2 --no-documents --fresh-seed --no-save-seed --out x.json'.split(
          ' ',
        ),
      ),
    ).toEqual({
      cases: 5000,
      seedConcurrency: 128,
      parallel: 20,
      sustained: 300,
      deferred: 300,
      samples: 50,
      readSamples: 40,
      documentsSamples: 2,
      documents: false,
      freshSeed: true,
      saveSeed: false,
      out: 'x.json',
    });
  });

  it('refuses a count that is not a positive whole number', () => {
    expect(() => parseOptions(['--cases', '0'])).toThrow('--cases must be a positive whole number, not "0"');
    expect(() => parseOptions(['--samples', '1.5'])).toThrow(/--samples/);
    expect(() => parseOptions(['--sustained', 'many'])).toThrow('--sustained must be a positive whole number, not "many"');
  });

  it('takes --deferred on its own, 0 skipping the phase, and refuses a negative one', () => {
    expect(parseOptions(['--sustained', '300', '--deferred', '0']).deferred).toBe(0);
    expect(parseOptions(['--deferred', '500']).deferred).toBe(500);
    expect(() => parseOptions(['--deferred', '-1'])).toThrow('--deferred must be a whole number of 0 or more, not "-1"');
  });
});
