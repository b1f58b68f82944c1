import { randomUUID } from 'node:crypto';
import {
  adaptiveCards,
  playgroundConfig,
  startPlayground,
  type PlaygroundClient,
  type PlaygroundMessage,
  type RunningPlayground,
} from '../support/playground';
import { startStack, type RunningStack, type StackEndpoints } from './support/stack';

// Jest reads testTimeout only from the global config, not per project: each test says how long it may take.
const testTimeoutMs = 90_000;

/**
 * The Teams bot end to end: the Agents Playground plays Teams, the dev stack runs the bot on the local
 * Functions host, the API with its demo data, Azurite and the local Microsoft 365. The bot gets its own
 * client-credentials token there and asks the API as Sanne de Vries (X-Zaakwerk-Acting-User); what the
 * card must show is read from the API with Sanne's own token.
 */
describe('the Teams bot in the Agents Playground', () => {
  let stack: RunningStack;
  const playgrounds: RunningPlayground[] = [];
  const chats: PlaygroundClient[] = [];

  beforeAll(async () => {
    stack = await startStack({ services: ['bot'] });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(chats.map((c) => c.close()));
    await Promise.all(playgrounds.map((p) => p.stop()));
    await stack?.stop();
  });

  const persona = (login: string) => {
    const found = stack.endpoints.personas.find((p) => p.login === login);
    if (!found) throw new Error(`the demo tenant has no ${login}`);
    return found;
  };

  /** A Playground whose chat user is `user`, talking to the stack's bot. */
  async function chatAs(user: { id: string; displayName: string; upn: string }): Promise<PlaygroundClient> {
    const bot = stack.endpoints.bot;
    if (!bot) throw new Error('the stack was started without the bot');
    const playground = await startPlayground({
      botEndpoint: bot,
      config: playgroundConfig({
        tenantId: stack.endpoints.tenantId,
        bot: { id: 'zaakwerk-bot', name: 'Zaakwerk' },
        user,
        others: stack.endpoints.personas,
      }),
    });
    playgrounds.push(playground);
    const chat = await playground.connect();
    chats.push(chat);
    return chat;
  }

  const cardText = (m: PlaygroundMessage) => JSON.stringify(adaptiveCards(m));
  const withCard = (m: PlaygroundMessage) => adaptiveCards(m).length > 0;

  it(
    'answers "hallo" with a card of Sanne de Vries\'s own work queue, and Vernieuwen with a fresh one',
    async () => {
      const sanne = persona('behandelaar');
      const queue = await myCases(stack.endpoints, sanne.upn, sanne.password);
      expect(queue.items.length).toBeGreaterThan(0); // the demo data gives the behandelaar cases
      const first = queue.items[0]!;

      const chat = await chatAs(sanne);
      const sent = await chat.sendMessage('hallo');
      const reply = await chat.waitForActivity(withCard, 30_000, sent.after);
      const card = cardText(reply);
      expect(card).toContain('Hallo Sanne de Vries');
      expect(card).toContain(first.number);
      expect(card).toContain(first.title);
      if (queue.nextCursor === null) expect(card).toContain(`U heeft ${queue.items.length} `);

      // The card shows its read time to the second: make the refreshed one visibly newer.
      await new Promise((r) => setTimeout(r, 1100));
      const refreshed = await chat.invokeAction(reply, { verb: 'refresh', title: 'Vernieuwen' });
      expect(refreshed.type).toBe('application/vnd.microsoft.card.adaptive');
      const refreshedCard = JSON.stringify(refreshed.value);
      expect(refreshedCard).toContain('Hallo Sanne de Vries');
      expect(refreshedCard).toContain(first.number);
      expect(updatedAt(refreshedCard)).not.toBe(updatedAt(card));
    },
    testTimeoutMs,
  );

  it(
    'tells a Teams user the API does not know that it does not know them',
    async () => {
      const stranger = { id: randomUUID(), displayName: 'Onbekende Collega', upn: 'onbekend@zaakwerk.test' };
      const chat = await chatAs(stranger);
      const sent = await chat.sendMessage('goedemorgen');
      const reply = await chat.waitForActivity(withCard, 30_000, sent.after);
      expect(cardText(reply)).toContain('Ik weet niet wie u bent');
    },
    testTimeoutMs,
  );
});

/** The work queue as the API gives it to the user herself (password grant: test automation only). */
async function myCases(endpoints: StackEndpoints, username: string, password: string) {
  const discovery = (await (await fetch(`${endpoints.authority}/.well-known/openid-configuration`)).json()) as {
    token_endpoint: string;
  };
  const tokenResponse = await fetch(discovery.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: endpoints.apiClientId,
      scope: endpoints.apiScope,
      username,
      password,
    }),
  });
  if (!tokenResponse.ok) throw new Error(`password grant failed: ${tokenResponse.status} ${await tokenResponse.text()}`);
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const response = await fetch(`${endpoints.api}/cases?queue=mine&limit=200`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /cases failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { items: Array<{ number: string; title: string }>; nextCursor: string | null };
}

const updatedAt = (card: string): string | undefined => /Bijgewerkt \/ updated: ([^"]+)"/.exec(card)?.[1];
