import { randomBytes } from 'node:crypto';
import { createQuickXorHash } from './quick-xor-hash';

// Checked against the local Microsoft 365's own implementation in tests/integration/quick-xor-hash.test.ts.
describe('QuickXorHash over a stream', () => {
  it('gives the same hash however the stream is cut', () => {
    for (const size of [1, 19, 20, 21, 160, 1000, 70_000]) {
      const bytes = randomBytes(size);
      const whole = createQuickXorHash();
      whole.update(bytes);
      const cut = createQuickXorHash();
      for (let at = 0; at < size; at += 7 + (at % 13)) cut.update(bytes.subarray(at, Math.min(size, at + 7 + (at % 13))));
      expect(cut.digest()).toBe(whole.digest());
    }
  });

  it('matches a known value: the empty input hashes to 20 zero bytes', () => {
    expect(createQuickXorHash().digest()).toBe(Buffer.alloc(20).toString('base64'));
  });
});
