import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { workQueueTableName } from '../../functions/src/adapters/table-storage/work-queue.table';
import { plantWorkQueueRow } from './support/work-queue-row';
import { loadApiConfig } from '../../functions/src/config';
import { register as registerApi } from '../../functions/src/register';
import { loadBotConfig } from '../../bot/src/config';
import { register as registerBot } from '../../bot/src/register';
import { startFunctionsHost, type RunningFunctionsHost } from '../../infra/local/src/functions-host';
import { startM365TestStack, type M365TestStack } from '../../infra/local/src/m365/test-stack';
import { demoTenant, personaUpn } from '../../infra/local/src/m365/demo-tenant';
import {
  adaptiveCards,
  playgroundConfig,
  startPlayground,
  type PlaygroundClient,
  type PlaygroundMessage,
  type RunningPlayground,
} from '../support/playground';

// Jest reads testTimeout only from the global config, not per project: each test says how long it may take.
const testTimeoutMs = 60_000;

const personas = demoTenant.personas.map((p) => ({ id: p.id, displayName: p.displayName, upn: personaUpn(p), login: p.login }));
const persona = (login: string) => {
  const found = personas.find((p) => p.login === login);
  if (!found) throw new Error(`no persona ${login}`);
  return found;
};

/**
 * The bot against the real API on the local stack, in process: Azurite, the local Microsoft 365, the API
 * and the bot on the local Functions host, and the Agents Playground as Teams. The bot's token comes
 * from the local Microsoft 365 (MSAL, OIDC mode, client credentials); the API checks it and the acting user.
 */
describe('the bot with the API on the local stack', () => {
  let stack: M365TestStack;
  let api: RunningFunctionsHost;
  let bot: RunningFunctionsHost;
  let table: TableClient;
  const playgrounds: RunningPlayground[] = [];
  const chats: PlaygroundClient[] = [];
  const botLog: string[] = [];

  beforeAll(async () => {
    stack = await startM365TestStack();
    const { azurite, m365 } = stack;
    const apiConfig = loadApiConfig({
      ZAAKWERK_ENV: 'local',
      ZAAKWERK_STORAGE_CONNECTION_STRING: azurite.connectionString,
      ZAAKWERK_AUTHORITY: m365.issuer,
      ZAAKWERK_GRAPH_BASE_URL: m365.graphBaseUrl,
      ZAAKWERK_LOG_LEVEL: 'error',
    });
    api = await startFunctionsHost({
      name: 'api',
      port: 0,
      register: (app) => registerApi(app, { config: apiConfig }),
      storageConnectionString: stack.azurite.connectionString,
      log: () => undefined,
    });
    const botConfig = loadBotConfig({
      ZAAKWERK_ENV: 'local',
      ZAAKWERK_AUTHORITY: m365.issuer,
      ZAAKWERK_API_BASE_URL: `${api.url}/api/v1`,
      ZAAKWERK_LOG_LEVEL: 'warn',
    });
    bot = await startFunctionsHost({
      name: 'bot',
      port: 0,
      register: (app) => registerBot(app, { config: botConfig, logWrite: (_level, line) => botLog.push(line) }),
      log: () => undefined,
    });
    table = TableClient.fromConnectionString(stack.azurite.connectionString, workQueueTableName, {
      allowInsecureConnection: true,
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(chats.map((c) => c.close()));
    await Promise.all(playgrounds.map((p) => p.stop()));
    await bot?.close();
    await api?.close();
    await stack?.stop();
  });

  async function chatAs(user: { id: string; displayName: string; upn: string }): Promise<PlaygroundClient> {
    const playground = await startPlayground({
      botEndpoint: `${bot.url}/api/messages`,
      config: playgroundConfig({
        tenantId: demoTenant.tenantId,
        bot: { id: `28:${demoTenant.botApp.clientId}`, name: 'Zaakwerk' },
        user,
        others: personas,
      }),
    });
    playgrounds.push(playground);
    const chat = await playground.connect();
    chats.push(chat);
    return chat;
  }

  const assign = (n: number, finalDeadline: string | null, assignee = persona('behandelaar')): Promise<void> =>
    plantWorkQueueRow(table, {
      caseId: `0c6f6a2e-0000-4d2a-9b1e-5a00000009${String(n).padStart(2, '0')}`,
      number: `ZAAK-2026-0009${String(n).padStart(2, '0')}`,
      title: `Testzaak ${n}`,
      caseTypeKey: 'klacht',
      caseTypeName: 'Klacht',
      status: 'open',
      phaseKey: 'intake',
      phaseName: 'Intake',
      finalDeadline,
      receivedOn: '2026-01-02',
      assigneeId: assignee.id,
      assigneeName: assignee.displayName,
      confidentiality: 'intern',
    });

  const cardText = (m: PlaygroundMessage) => JSON.stringify(adaptiveCards(m));
  const withCard = (m: PlaygroundMessage) => adaptiveCards(m).length > 0;

  it(
    "greets Sanne de Vries with her own cases, earliest deadline first, and refreshes with today's data",
    async () => {
      await assign(1, '2031-05-01');
      await assign(2, '2020-02-01'); // long overdue
      await assign(3, '2031-03-01');
      await assign(4, null);
      await assign(5, '2031-04-01');
      await assign(6, '2030-01-01', persona('behandelaar2'));

      const chat = await chatAs(persona('behandelaar'));
      const sent = await chat.sendMessage('Hallo!');
      const reply = await chat.waitForActivity(withCard, 30_000, sent.after);
      const card = cardText(reply);
      expect(card).toContain('Hallo Sanne de Vries');
      expect(card).toContain('U heeft 5 zaken in behandeling.');
      expect(card.indexOf('ZAAK-2026-000902')).toBeLessThan(card.indexOf('ZAAK-2026-000903'));
      expect(card.indexOf('ZAAK-2026-000903')).toBeLessThan(card.indexOf('ZAAK-2026-000905'));
      expect(card).toContain('01-02-2020 (verlopen / overdue)');
      expect(card).not.toContain('ZAAK-2026-000901'); // fourth by deadline: counted, not listed
      expect(card).not.toContain('ZAAK-2026-000906'); // Daan's case
      expect(card).toContain('En nog 2 zaken in Mijn werk.');

      await assign(7, '2025-01-01');
      const refreshed = await chat.invokeAction(reply, { verb: 'refresh', title: 'Vernieuwen' });
      expect(refreshed.type).toBe('application/vnd.microsoft.card.adaptive');
      const refreshedCard = JSON.stringify(refreshed.value);
      expect(refreshedCard).toContain('U heeft 6 zaken in behandeling.');
      expect(refreshedCard).toContain('ZAAK-2026-000907');
    },
    testTimeoutMs,
  );

  it(
    'tells a colleague without cases that there are none',
    async () => {
      const chat = await chatAs(persona('adviseur'));
      const sent = await chat.sendMessage('goedemiddag');
      const card = cardText(await chat.waitForActivity(withCard, 30_000, sent.after));
      expect(card).toContain('Hallo Joost Mulder');
      expect(card).toContain('U heeft geen zaken in behandeling.');
    },
    testTimeoutMs,
  );

  it(
    'tells a Teams user the directory does not know that it does not know them',
    async () => {
      const chat = await chatAs({ id: randomUUID(), displayName: 'Onbekende Collega', upn: 'onbekend@zaakwerk.test' });
      const sent = await chat.sendMessage('hoi');
      expect(cardText(await chat.waitForActivity(withCard, 30_000, sent.after))).toContain('Ik weet niet wie u bent');
      expect(botLog.filter((line) => line.includes('"level":"error"'))).toEqual([]);
    },
    testTimeoutMs,
  );
});
