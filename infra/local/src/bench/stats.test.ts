import {
  countBy,
  formatTable,
  judgeTargets,
  percentile,
  perSecond,
  storageTarget,
  summarize,
  throughputMbPerSecond,
} from './stats';

// Lines as Azurite's access log writes them (captured from Azurite 3.35).
const log = [
  `127.0.0.1 - - [28/Nov/2026:16:08:48 +0000] "POST /devstoreaccount1/Tables HTTP/1.1" 201 -`,
  `127.0.0.1 - - [28/Nov/2026:16:08:48 +0000] "POST /devstoreaccount1/Probe HTTP/1.1" 204 -`,
  `127.0.0.1 - - [28/Nov/2026:16:08:48 +0000] "GET /devstoreaccount1/Probe(PartitionKey='case%3Aa%20b',RowKey='r') HTTP/1.1" 200 -`,
  `127.0.0.1 - - [28/Nov/2026:16:08:48 +0000] "POST /devstoreaccount1/$batch HTTP/1.1" 202 -`,
  `127.0.0.1 - - [28/Nov/2026:16:08:48 +0000] "GET /devstoreaccount1/case-outbox/messages?numofmessages=16 HTTP/1.1" 200 -`,
  'Azurite Table service is successfully listening at http://127.0.0.1:10002',
];

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([
      50, 95, 99, 100,
    ]);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted samples with the errors counted apart', () => {
    expect(summarize([30, 10, 20, 40], 2)).toEqual({ count: 4, errors: 2, p50: 20, p95: 40, p99: 40, mean: 25, max: 40 });
  });

  it('names the table or queue of each access-log line, a batch as one operation', () => {
    expect(log.map(storageTarget)).toEqual(['Tables', 'Probe', 'Probe', '$batch', 'case-outbox', null]);
    expect(countBy(log)).toEqual({ Tables: 1, Probe: 2, $batch: 1, 'case-outbox': 1 });
  });

  it('turns sizes and counts over time into rates', () => {
    expect(throughputMbPerSecond(50, 2000)).toBe(25);
    expect(throughputMbPerSecond(1, 3)).toBe(333.3);
    expect(throughputMbPerSecond(1, 0)).toBeNaN();
    expect(perSecond(2000, 8000)).toBe(250);
    expect(perSecond(10, Number.NaN)).toBeNaN();
  });

  it('judges each target on the measured figures', () => {
    const targets = judgeTargets({
      getByIdP95: 9,
      rawPointReadP95: 3,
      myWorkQueueP95: 50.1,
      registerSustainedPerSecond: 200,
      apiRssMb: 300,
    });
    expect(targets.map((t) => [t.measured, t.limit, t.met])).toEqual([
      [9, 9, true], // ≤ 3 × raw
      [50.1, 50, false],
      [200, 200, true], // ≥ 200/s
      [300, 300, false], // RSS must stay below 300 MB
    ]);
  });

  it('leaves a target unjudged when a figure is missing', () => {
    const targets = judgeTargets({
      getByIdP95: 5,
      rawPointReadP95: null,
      myWorkQueueP95: Number.NaN,
      registerSustainedPerSecond: null,
      apiRssMb: 120,
    });
    expect(targets.map((t) => t.met)).toEqual([null, null, null, true]);
    expect(targets[0]?.limit).toBeNull();
  });

  it('aligns a table in columns under an underlined header', () => {
    expect(
      formatTable([
        ['operation', 'p95'],
        ['get by id', '4.5'],
        ['my work queue', '12'],
      ]),
    ).toBe(['operation      p95', '-------------  ---', 'get by id      4.5', 'my work queue  12'].join('\n'));
    expect(formatTable([])).toBe('');
  });
});
