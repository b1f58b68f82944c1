import { createServer } from 'node:net';
import { register } from '../../bot/src/register';
import { loadBotConfig } from '../../bot/src/config';
import { startFunctionsHost, type RunningFunctionsHost } from '../../infra/local/src/functions-host';
import { demoTenant, personaUpn } from '../../infra/local/src/m365/demo-tenant';
import {
  adaptiveCards,
  playgroundConfig,
  startPlayground,
  type PlaygroundClient,
  type RunningPlayground,
} from '../support/playground';

// Jest reads testTimeout only from the global config, not per project: each test says how long it may take.
const testTimeoutMs = 30_000;

/**
 * The transport half of the bot, for real: the Agents Playground (its HTTP/WebSocket API) talks to the
 * bot's registration served by the local Functions host. The API is deliberately unreachable here (a
 * closed port), so every overview is the "try again" card; the end-to-end test (tests/e2e/bot.test.ts)
 * runs the same flow against the real API and local Microsoft 365.
 */
describe('the bot in the Agents Playground, with the API unreachable', () => {
  let host: RunningFunctionsHost;
  let playground: RunningPlayground;
  let chat: PlaygroundClient;
  const botLog: string[] = [];

  beforeAll(async () => {
    const closed = await closedPort();
    const config = loadBotConfig({
      ZAAKWERK_AUTHORITY: `https://127.0.0.1:${closed}/${demoTenant.tenantId}/v2.0`,
      ZAAKWERK_API_BASE_URL: `http://127.0.0.1:${closed}/api/v1`,
      ZAAKWERK_LOG_LEVEL: 'error',
    });
    host = await startFunctionsHost({
      name: 'bot',
      port: 0,
      register: (app) => register(app, { config, logWrite: (_level, line) => botLog.push(line) }),
      log: () => undefined,
    });
    const personas = demoTenant.personas.map((p) => ({ id: p.id, displayName: p.displayName, upn: personaUpn(p) }));
    const [sanne, ...others] = personas;
    if (!sanne) throw new Error('no personas');
    playground = await startPlayground({
      botEndpoint: `${host.url}/api/messages`,
      config: playgroundConfig({
        tenantId: demoTenant.tenantId,
        bot: { id: demoTenant.botApp.clientId, name: 'Zaakwerk' },
        user: sanne,
        others,
      }),
    });
    chat = await playground.connect();
  }, 60_000);

  afterAll(async () => {
    await chat?.close();
    await playground?.stop();
    await host?.close();
  });

  it(
    'answers the HEAD probe the Playground sends before it starts',
    async () => {
      expect((await fetch(`${host.url}/api/messages`, { method: 'HEAD' })).status).toBe(200);
    },
    testTimeoutMs,
  );

  it(
    'replies to "hallo" in the personal chat with a card, delivered over the WebSocket',
    async () => {
      const sent = await chat.sendMessage('hallo');
      const reply = await chat.waitForActivity((m) => adaptiveCards(m).length > 0, 15_000, sent.after);
      expect(reply.conversationId).toBe(playground.config.personalChat.id);
      expect(reply.fromId).toBe(demoTenant.botApp.clientId);
      expect(JSON.stringify(adaptiveCards(reply))).toContain('Zaakwerk is even niet bereikbaar');
      expect(botLog.some((line) => line.includes('overview: the API call failed'))).toBe(true);
    },
    testTimeoutMs,
  );

  it(
    'answers Vernieuwen on that card through the invoke API with a replacement card',
    async () => {
      const sent = await chat.sendMessage('hoi');
      const reply = await chat.waitForActivity((m) => adaptiveCards(m).length > 0, 15_000, sent.after);
      const result = await chat.invokeAction(reply, { verb: 'refresh', title: 'Vernieuwen' });
      expect(result.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(result.value)).toContain('"verb":"refresh"');
    },
    testTimeoutMs,
  );

  it(
    'answers other text with the help text',
    async () => {
      const sent = await chat.sendMessage('wat kun je allemaal?');
      const reply = await chat.waitForActivity((m) => typeof m.text === 'string', 15_000, sent.after);
      expect(reply.text).toContain('Zeg **hallo**');
    },
    testTimeoutMs,
  );

  it(
    'introduces itself with a card when it is added to the personal chat',
    async () => {
      const sent = await chat.sendTemplateActivity('botAdded');
      const reply = await chat.waitForActivity((m) => adaptiveCards(m).length > 0, 15_000, sent.after);
      expect(adaptiveCards(reply)).toHaveLength(1);
    },
    testTimeoutMs,
  );
});

/** A port nothing listens on: bound, noted and released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
