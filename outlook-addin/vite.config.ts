import react from '@vitejs/plugin-react';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
// The shared modules of @zaakwerk/tabs by path, not by package name: Vite 8 bundles its config with every
// bare import left external for Node to load, and Node 20 cannot load TypeScript. The app code itself
// imports them as '@zaakwerk/tabs/shared/...'.
import { devServerPort } from '../tabs/src/shared/vite/dev-server-port.ts';
import { runtimeConfigPlugin } from '../tabs/src/shared/vite/runtime-config-plugin.ts';

/** Sends `/` to the task pane, the add-in's only page. */
function startPageRedirect(): Plugin {
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/') {
      res.statusCode = 302;
      res.setHeader('location', '/taskpane.html');
      res.end();
      return;
    }
    next();
  };
  return {
    name: 'zaakwerk-start-page',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}

const addinPort = devServerPort(process.env, 'ZAAKWERK_ADDIN_PORT', 3000);
/** The add-in folder, so the config works whatever the current directory. */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), runtimeConfigPlugin({ appName: 'add-in', env: process.env }), startPageRedirect()],
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
