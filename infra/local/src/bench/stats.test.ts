import { countBy, percentile, storageTarget, summarize } from './stats';

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
});
