import { randomBytes } from 'node:crypto';
import { createQuickXorHash } from '../../functions/src/adapters/graph/quick-xor-hash';
import { quickXorHash } from '../../infra/local/src/m365/graph/quick-xor-hash';

/** The API's streamed QuickXorHash (finding a committed upload) against the local Microsoft 365's, written apart. */
describe('QuickXorHash: the API and the local Microsoft 365 agree', () => {
  it('gives the same hash over a stream, however it is cut, as over the whole bytes', () => {
    for (const size of [0, 1, 19, 20, 21, 160, 1000, 70_000]) {
      const bytes = randomBytes(size);
      const hash = createQuickXorHash();
      for (let at = 0; at < size; at += 7 + (at % 13)) hash.update(bytes.subarray(at, Math.min(size, at + 7 + (at % 13))));
      expect(hash.digest()).toBe(quickXorHash(bytes));
    }
  });
});
