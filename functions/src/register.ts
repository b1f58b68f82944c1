import { createDependencies, type Dependencies } from './composition-root';
import { loadApiConfigFromProcess } from './config';
import { createEndpoints } from './http/endpoints';
import { toHttpHandler } from './http/pipeline';
import { createRateLimiter } from './http/rate-limiter';
import type { FunctionsApp } from './hosting/functions-app';
import { registerWorkQueueProjector } from './projections/work-queue.projector';
import { registerOutboxSweep } from './timers/outbox-sweep.timer';
import { registerSignalTimer } from './timers/signals.timer';
import { registerDocumentSyncTimer } from './timers/document-sync.timer';

export type { Dependencies } from './composition-root';

/**
 * Registers every Function of the API (HTTP endpoints and timers) on `app`: the real `app` of @azure/functions in Azure
 * (src/main.ts), the local host's recorder locally. Reads config and builds the dependencies once.
 * Throws ConfigError (naming each bad setting) before registering anything.
 */
export function register(app: FunctionsApp, deps: Partial<Dependencies> = {}): void {
  const { config = loadApiConfigFromProcess(), ...overrides } = deps;
  const dependencies = createDependencies(config, overrides);
  const pipeline = {
    config,
    authentication: {
      tokenValidator: dependencies.tokenValidator,
      userDirectory: dependencies.userDirectory,
      botClientId: config.identity.botClientId,
    },
    loggerFor: dependencies.loggerFor,
    rateLimiter: createRateLimiter({ perMinute: config.rateLimitPerMinute }),
  };
  for (const endpoint of createEndpoints(dependencies)) {
    app.http(endpoint.name, {
      methods: [...endpoint.methods],
      route: endpoint.route,
      authLevel: 'anonymous', // authentication is ours (token validation), not function keys
      handler: toHttpHandler(endpoint, pipeline),
    });
  }
  registerOutboxSweep(app, dependencies);
  registerWorkQueueProjector(app, dependencies);
  registerSignalTimer(app, dependencies);
  registerDocumentSyncTimer(app, dependencies);
}
