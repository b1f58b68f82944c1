import { fragments } from './fragments';
import { retryAfterMs, sendWithRetry } from './graph-retry';

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and falls back without a header', () => {
    expect(retryAfterMs('3', 500)).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', 500, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(null, 500)).toBe(500);
    expect(retryAfterMs('soon', 500)).toBe(500);
  });

  it('sends again after 429/503 for as long as Graph asks, then returns the answer', async () => {
    const answers = [429, 503, 201];
    const waits: number[] = [];
    const response = await sendWithRetry(
      () => Promise.resolve(new Response(null, { status: answers.shift() ?? 500, headers: { 'retry-after': '2' } })),
      { maxAttempts: 5, maxDelayMs: 60_000, sleep: (ms) => (waits.push(ms), Promise.resolve()) },
    );
    expect(response.status).toBe(201);
    expect(waits).toEqual([2000, 2000]);
  });

  it('gives up when Graph asks to wait longer than the cap, returning the 429', async () => {
    const response = await sendWithRetry(
      () => Promise.resolve(new Response(null, { status: 429, headers: { 'retry-after': '3600' } })),
      { maxAttempts: 5, maxDelayMs: 60_000, sleep: () => Promise.reject(new Error('should not wait')) },
    );
    expect(response.status).toBe(429);
  });
});

describe('fragments', () => {
  it('regroups chunks of any size into fragments of exactly the given size, the last one shorter', async () => {
    async function* chunks() {
      for (const size of [3, 10, 1, 7]) yield new Uint8Array(size).fill(size);
    }
    const sizes: number[] = [];
    const bytes: number[] = [];
    for await (const fragment of fragments(chunks(), 4)) {
      sizes.push(fragment.length);
      bytes.push(...fragment);
    }
    expect(sizes).toEqual([4, 4, 4, 4, 4, 1]);
    expect(bytes).toEqual([3, 3, 3, ...Array<number>(10).fill(10), 1, ...Array<number>(7).fill(7)]);
  });
});
