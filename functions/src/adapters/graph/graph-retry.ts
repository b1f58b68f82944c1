/**
 * Retry-After-aware sending for requests the Graph client's retry middleware does not retry: content
 * uploads and upload-session fragments (octet-stream bodies) and downloads. 429 and 503 wait as long
 * as Graph asks (capped), other answers return at once.
 */
export interface RetryOptions {
  maxAttempts: number;
  /** Longest wait honoured; a longer Retry-After gives up instead. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryOptions: RetryOptions = {
  maxAttempts: 5,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const isThrottled = (status: number): boolean => status === 429 || status === 503;

/** Milliseconds from a Retry-After header (seconds or an HTTP date); `fallbackMs` without one. */
export function retryAfterMs(header: string | null, fallbackMs: number, now = Date.now()): number {
  if (header === null || header.trim() === '') return fallbackMs;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - now);
}

/** Sends until the answer is not 429/503 or attempts run out; returns the last response. */
export async function sendWithRetry(
  send: () => Promise<Response>,
  options: RetryOptions = defaultRetryOptions,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await send();
    if (!isThrottled(response.status) || attempt >= options.maxAttempts) return response;
    const wait = retryAfterMs(response.headers.get('retry-after'), 2 ** attempt * 500);
    if (wait > options.maxDelayMs) return response;
    await response.body?.cancel().catch(() => undefined);
    await options.sleep(wait);
  }
}
