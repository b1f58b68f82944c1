import react from '@vitejs/plugin-react';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { runtimeConfigFromEnv } from './src/config/config-from-env.ts';

type Next = (error?: unknown) => void;

/**
 * Serves `GET /config.json` from ZAAKWERK_* variables in dev and preview, exactly like the tab, and sends
 * `/` to the task pane. In Azure the deploy step writes config.json next to taskpane.html instead.
 * A bad setting stops the server at start-up with the variable's name.
 */
function runtimeConfig(): Plugin {
  const body = JSON.stringify(runtimeConfigFromEnv(process.env));
  const middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/config.json') {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(body);
      return;
    }
    if (req.method === 'GET' && path === '/') {
      res.statusCode = 302;
      res.setHeader('location', '/taskpane.html');
      res.end();
      return;
    }
    next();
  };
  return {
    name: 'zaakwerk-runtime-config',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

const port = (value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`ZAAKWERK_ADDIN_PORT must be a port number, got '${value}'`);
  return n;
};

const addinPort = port(process.env.ZAAKWERK_ADDIN_PORT, 3000);
/** The add-in folder, so the config works whatever the current directory. */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), runtimeConfig()],
  // Pre-bundle dependencies up front: a dependency discovered mid-load makes Vite reload the page,
  // which would race MSAL's handling of the redirect back from the authority.
  optimizeDeps: {
    entries: ['taskpane.html'],
    include: ['react', 'react-dom/client', 'react/jsx-runtime', '@fluentui/react-components', '@azure/msal-browser'],
  },
  server: { port: addinPort, strictPort: true, host: 'localhost' },
  preview: { port: addinPort, strictPort: true, host: 'localhost' },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    // Fluent UI and MSAL make one ~770 kB chunk (210 kB gzipped): fine for a task pane that loads once.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: { input: { taskpane: `${root}taskpane.html` } },
  },
});
