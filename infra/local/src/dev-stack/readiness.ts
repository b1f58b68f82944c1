import { connect } from 'node:net';

/** Waits until `probe` resolves true, polling; throws with `what` named after `timeoutMs`. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 60000,
  isAlive?: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (isAlive && !isAlive()) throw new Error(`${what} stopped before it was ready`);
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 1000);
  }
}

/** True when an HTTP(S) GET/HEAD to `url` gets an answer whose status `accept` allows. */
export async function httpAnswers(
  url: string,
  accept: (status: number) => boolean = (s) => s < 500,
  method = 'GET',
): Promise<boolean> {
  const response = await fetch(url, { method, signal: AbortSignal.timeout(3000) });
  await response.body?.cancel();
  return accept(response.status);
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}
