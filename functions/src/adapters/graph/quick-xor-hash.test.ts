import { randomBytes } from 'node:crypto';
import { quickXorHash } from '../../../../infra/local/src/m365/graph/quick-xor-hash';
import { createQuickXorHash } from './quick-xor-hash';

describe('QuickXorHash over a stream', () => {
  it('gives the same hash as over the whole bytes at once, however the stream is cut', () => {
    for (const size of [0, 1, 19, 20, 21, 160, 1000, 70_000]) {
      const bytes = randomBytes(size);
      const hash = createQuickXorHash();
      for (let at = 0; at < size; at += 7 + (at % 13)) hash.update(bytes.subarray(at, Math.min(size, at + 7 + (at % 13))));
      expect(hash.digest()).toBe(quickXorHash(bytes));
    }
  });

  it('matches a known value: the empty input hashes to 20 zero bytes', () => {
    expect(createQuickXorHash().digest()).toBe(Buffer.alloc(20).toString('base64'));
  });
});
