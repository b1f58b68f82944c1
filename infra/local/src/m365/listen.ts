import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { freePort } from '../ports';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Serves HTTPS on 127.0.0.1 and, where the machine has IPv6, on [::1] with the same port, so
 * `https://localhost:PORT` works whichever address a client resolves `localhost` to. Port 0 picks a free port.
 */
export async function listenOnLoopback(
  port: number,
  tls: { cert: string; key: string },
  listener: Listener,
): Promise<{ port: number; servers: Server[] }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const chosen = port || (await freePort('127.0.0.1'));
    const ipv4 = createServer(tls, listener);
    try {
      await listen(ipv4, chosen, '127.0.0.1');
    } catch (error) {
      if (port && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(
          `Port ${port} is already in use: is another local Microsoft 365 (npm start) running? Set ZAAKWERK_M365_PORT to use another port.`,
        );
      }
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') continue;
      throw error;
    }
    const ipv6 = createServer(tls, listener);
    try {
      await listen(ipv6, chosen, '::1');
      return { port: chosen, servers: [ipv4, ipv6] };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return { port: chosen, servers: [ipv4] };
      await closeServer(ipv4);
      if (code === 'EADDRINUSE' && !port) continue;
      throw error;
    }
  }
  throw new Error('Could not find a free port on both 127.0.0.1 and ::1.');
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
