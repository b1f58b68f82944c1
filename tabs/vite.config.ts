import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { runtimeConfigFromEnv } from './src/config/config-from-env.ts';

/** Port of the dev and preview server: ZAAKWERK_TAB_PORT, default 53000. */
function tabPort(): number {
  const raw = process.env['ZAAKWERK_TAB_PORT'];
  if (raw === undefined || raw.trim() === '') return 53000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`ZAAKWERK_TAB_PORT must be a port number, got '${raw}'`);
  return port;
}

/**
 * Serves GET /config.json from ZAAKWERK_* variables in `vite` (dev) and `vite preview`. Built once at
 * start-up, so a bad setting stops the server with a message naming it. In Azure the deploy writes the
 * file beside index.html instead.
 */
function runtimeConfigPlugin(): Plugin {
  let body = '';
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/config.json' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  return {
    name: 'zaakwerk-runtime-config',
    configResolved() {
      body = JSON.stringify(runtimeConfigFromEnv(process.env), null, 2);
    },
    configureServer(server) {
      server.middlewares.use(serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve);
    },
  };
}

const port = tabPort();
/** The tab folder, so the config works whatever the current directory. */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), runtimeConfigPlugin()],
  server: { port, strictPort: true, host: 'localhost' },
  preview: { port, strictPort: true, host: 'localhost' },
  // Pre-bundle the heavy dependencies up front: a dependency discovered mid-load makes Vite reload the
  // page, which would race MSAL's redirect handling.
  optimizeDeps: {
    entries: ['index.html', 'redirect.html'],
    include: [
      'react',
      'react-dom/client',
      'react/jsx-runtime',
      '@fluentui/react-components',
      '@azure/msal-browser',
      '@azure/msal-browser/redirect-bridge',
      '@microsoft/teams-js',
    ],
  },
  build: {
    outDir: `${root}dist`,
    // Fluent UI v9 and MSAL make one large vendor chunk; fine for a tab that loads once per session.
    chunkSizeWarningLimit: 900,
    emptyOutDir: true,
    rolldownOptions: {
      input: { main: `${root}index.html`, redirect: `${root}redirect.html` },
    },
  },
});
