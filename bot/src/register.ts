import type { FunctionsApp } from '@zaakwerk/functions/hosting';
import { createApiClient, type ZaakwerkApiClient } from './api-client';
import { createApiTokenProvider } from './api-token';
import { createBotApp } from './bot-app';
import { loadBotConfigFromProcess, type BotConfig } from './config';
import { FunctionsHttpAdapter } from './hosting/functions-http-adapter';
import { createLogger, type LogWrite } from './logger';

export interface BotRegistrationOverrides {
  config?: BotConfig;
  api?: ZaakwerkApiClient;
  now?: () => Date;
  /** Where log lines go (default: the console, which the Functions host collects). */
  logWrite?: LogWrite;
}

/**
 * Registers the bot's one Function, `messages` (POST and HEAD on /api/messages), on `app`: the real
 * `app` of @azure/functions in Azure (src/main.ts), the local host's recorder locally. Config, the API
 * client and the Teams SDK app are built once per process. Throws ConfigError before registering.
 */
export function register(app: FunctionsApp, overrides: BotRegistrationOverrides = {}): void {
  const config = overrides.config ?? loadBotConfigFromProcess();
  const logger = createLogger('zaakwerk-bot', config.logLevel, overrides.logWrite);
  const api = overrides.api ?? createApiClient({ baseUrl: config.api.baseUrl, token: createApiTokenProvider(config) });
  const adapter = new FunctionsHttpAdapter();
  const bot = createBotApp({ config, api, httpServerAdapter: adapter, logger, ...(overrides.now ? { now: overrides.now } : {}) });

  // initialize() registers the SDK's route on the adapter; a failed attempt is retried by the next request.
  let initialized: Promise<void> | undefined;
  const ready = () => {
    initialized ??= bot.initialize().catch((error: unknown) => {
      initialized = undefined;
      throw error;
    });
    return initialized;
  };

  app.http('messages', {
    methods: ['POST', 'HEAD'],
    route: 'messages',
    authLevel: 'anonymous', // the Bot Framework JWT is the authentication (channel auth), not a function key
    handler: adapter.handler(ready),
  });
}
