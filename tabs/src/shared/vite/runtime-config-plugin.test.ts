import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runtimeConfigFromEnv } from '../config/config-from-env';
import { runtimeConfigMiddleware, runtimeConfigPlugin } from './runtime-config-plugin';

const config = runtimeConfigFromEnv({});

/** A real HTTP server running the middleware; what it passes on answers 404, as Vite would for a missing file. */
async function serve(): Promise<{ server: Server; url: string }> {
  const middleware = runtimeConfigMiddleware(config);
  const server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end('passed on');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('runtimeConfigMiddleware', () => {
  let running: { server: Server; url: string };
  beforeAll(async () => {
    running = await serve();
  });
  afterAll(async () => {
    await new Promise((resolve) => running.server.close(resolve));
  });

  it('serves the config as uncached JSON at /config.json, also with a query string', async () => {
    const response = await fetch(`${running.url}/config.json?v=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(config);
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${running.url}/config.json`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('passes every other request on', async () => {
    expect((await fetch(`${running.url}/index.html`)).status).toBe(404);
    expect((await fetch(`${running.url}/config.json`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('runtimeConfigPlugin', () => {
  it('refuses to start with a bad setting and says whose dev server it is', () => {
    expect(() => runtimeConfigPlugin({ appName: 'add-in', env: { ZAAKWERK_API_CLIENT_ID: 'x' } })).toThrow(
      /^Invalid add-in configuration: ZAAKWERK_API_CLIENT_ID/,
    );
  });
});
