import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devServerPort } from './src/shared/vite/dev-server-port.ts';
import { runtimeConfigPlugin } from './src/shared/vite/runtime-config-plugin.ts';

/** Port of the dev and preview server: ZAAKWERK_TAB_PORT, default 53000. */
const port = devServerPort(process.env, 'ZAAKWERK_TAB_PORT', 53000);
/** The tab folder, so the config works whatever the current directory. */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), runtimeConfigPlugin({ appName: 'tab', env: process.env })],
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
