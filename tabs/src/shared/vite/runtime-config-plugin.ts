import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { runtimeConfigFromEnv } from '../config/config-from-env.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Answers `GET`/`HEAD /config.json` with the config; every other request goes on to Vite. */
export function runtimeConfigMiddleware(config: RuntimeConfig): Middleware {
  const body = JSON.stringify(config, null, 2);
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/config.json' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export interface RuntimeConfigPluginOptions {
  /** Whose dev server this is (`tab`, `add-in`), named in the start-up error for a bad setting. */
  appName: string;
  /** Where the ZAAKWERK_* variables come from: the Vite config passes `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Serves `GET /config.json` from ZAAKWERK_* variables in `vite` (dev) and `vite preview`. The config is
 * built when the Vite config loads, so a bad setting stops the server with a message naming it. In
 * Azure the deploy writes the file beside the app's HTML page instead.
 */
export function runtimeConfigPlugin(options: RuntimeConfigPluginOptions): Plugin {
  const middleware = runtimeConfigMiddleware(runtimeConfigFromEnv(options.env, options.appName));
  return {
    name: 'zaakwerk-runtime-config',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
