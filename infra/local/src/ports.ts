import { createServer, connect } from 'node:net';

/**
 * Asks the operating system for a free TCP port on `host` (listen on port 0, read it, close). Another
 * process can still take it before the caller binds, so callers that can bind port 0 themselves should.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

/** Resolves true when something accepts a TCP connection on host:port, false when the connection fails. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open: boolean): void => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls until every port accepts connections. Rejects after `timeoutMs`, or as soon as `abort` yields an
 * error (e.g. the process that should listen has exited). `ready`, when given, must also hold.
 */
export async function waitForPorts(
  ports: readonly number[],
  opts: { host?: string; timeoutMs?: number; intervalMs?: number; abort?: () => Error | undefined; ready?: () => boolean } = {},
): Promise<void> {
  const { host = '127.0.0.1', timeoutMs = 30_000, intervalMs = 100 } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const aborted = opts.abort?.();
    if (aborted) throw aborted;
    const open = await Promise.all(ports.map((port) => isPortOpen(port, host)));
    if (open.every(Boolean) && (opts.ready?.() ?? true)) return;
    if (Date.now() > deadline) {
      const closed = ports.filter((_, i) => !open[i]);
      const what = closed.length
        ? `ports ${closed.join(', ')} on ${host} did not accept connections`
        : 'the service did not report ready';
      throw new Error(`${what} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
