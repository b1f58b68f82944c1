import type { CaseList, CaseSummary, Me } from '@zaakwerk/functions/contract';
import { ApiProblemError, ApiUnavailableError, type ZaakwerkApiClient } from './api-client';
import { helpText, personalOnlyText } from './bot-app';
import { loadBotConfig, type BotConfig } from './config';
import { register } from './register';
import { registeredHttpFunction, type RegisteredHttpFunction } from './test-support/registered-function';
import { startStubConnector, type StubConnector } from './test-support/stub-connector';

const sanne = 'b0000001-5a1e-4d2c-9f00-000000000001';
const botId = '9b2e4f6a-1c3d-4e5f-8a7b-2c9d0e1f3a46';
const now = new Date('2026-11-28T09:15:00Z');

function aCase(n: number, deadline: string | null): CaseSummary {
  return {
    id: `0193b0c2-0000-7000-8000-${String(n).padStart(12, '0')}`,
    number: `ZAAK-2026-${String(n).padStart(6, '0')}`,
    title: `Aanvraag ${n}`,
    caseType: { key: 'omgevingsvergunning', name: 'Omgevingsvergunning' },
    status: 'open',
    phase: { key: 'intake', name: 'Intake' },
    deadline: { final: deadline, atRisk: false, overdue: false },
    receivedOn: '2026-11-02',
    assignee: { id: sanne, name: 'Sanne de Vries' },
    confidentiality: 'intern',
  };
}

/** The API as the bot sees it, in memory: who exists, their cases, and whether it is up. */
class FakeApi implements ZaakwerkApiClient {
  down = false;
  calls: string[] = [];
  readonly users = new Map<string, { me: Me; cases: CaseSummary[] }>();

  async getMe(oid: string): Promise<Me> {
    this.calls.push(`me ${oid}`);
    return this.user(oid).me;
  }

  async listMyCases(oid: string, page: { limit: number; cursor?: string }): Promise<CaseList> {
    this.calls.push(`cases ${oid} ${page.limit} ${page.cursor ?? ''}`);
    const start = Number(page.cursor ?? '0');
    const items = this.user(oid).cases.slice(start, start + page.limit);
    const next = start + page.limit;
    return { items, nextCursor: next < this.user(oid).cases.length ? String(next) : null };
  }

  private user(oid: string) {
    if (this.down) throw new ApiUnavailableError('GET /me failed');
    const user = this.users.get(oid);
    if (!user) {
      throw new ApiProblemError({
        type: 'urn:zaakwerk:problem:auth.acting-user-unknown',
        title: 'Forbidden',
        status: 403,
        code: 'auth.acting-user-unknown',
      });
    }
    return user;
  }
}

function personal(
  activity: Record<string, unknown>,
  serviceUrl: string,
  from: Record<string, unknown> = { id: 'user-1', name: 'Sanne de Vries', aadObjectId: sanne },
) {
  return {
    id: `activity-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: now.toISOString(),
    from,
    recipient: { id: botId, name: 'Zaakwerk' },
    conversation: { id: 'personal-chat-1', conversationType: 'personal', tenantId: '5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31' },
    channelData: { tenant: { id: '5f1c2a7e-3b8d-4c6f-9e21-0a4b7d9c8e31' } },
    ...activity,
  };
}

const message = (text: string, serviceUrl: string, from?: Record<string, unknown>) =>
  personal({ type: 'message', text, textFormat: 'plain' }, serviceUrl, from);

/** The adaptive card in a recorded reply, or undefined when the reply has none. */
function cardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const attachments = activity?.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

describe('the bot behind its Functions HTTP trigger', () => {
  let connector: StubConnector;
  let api: FakeApi;
  let fn: RegisteredHttpFunction;
  const localConfig = (): BotConfig => ({
    ...loadBotConfig({ ZAAKWERK_LOG_LEVEL: 'error' }),
    myWorkUrl: 'https://tab.example.org/',
  });

  beforeEach(async () => {
    connector = await startStubConnector();
    api = new FakeApi();
    api.users.set(sanne, {
      me: {
        id: sanne,
        name: 'Sanne de Vries',
        upn: 'behandelaar@zaakwerk.test',
        email: null,
        tenantId: 't',
        roles: [],
        groups: [],
        via: 'bot',
        caseTypes: [],
      },
      cases: [aCase(1, '2026-11-20'), aCase(2, '2026-12-03'), aCase(3, null), aCase(4, null)],
    });
    fn = registeredHttpFunction((app) => register(app, { config: localConfig(), api, now: () => now }));
  });

  afterEach(() => connector.close());

  it('registers one anonymous function, messages, for POST and HEAD', () => {
    expect(fn.name).toBe('messages');
    expect(fn.options).toMatchObject({ route: 'messages', methods: ['POST', 'HEAD'], authLevel: 'anonymous' });
  });

  it("answers the Agents Playground's HEAD probe with 200", async () => {
    expect((await fn.call({ method: 'HEAD' })).status).toBe(200);
  });

  it("answers a greeting with the user's overview card, sent to the conversation at the serviceUrl", async () => {
    const response = await fn.call({ method: 'POST', body: message('Hallo', connector.serviceUrl) });
    expect(response.status).toBe(200);
    expect(connector.replies).toHaveLength(1);
    const [reply] = connector.replies;
    expect(reply?.conversationId).toBe('personal-chat-1');
    const card = JSON.stringify(cardOf(reply?.activity));
    expect(card).toContain('Hallo Sanne de Vries');
    expect(card).toContain('U heeft 4 zaken in behandeling.');
    expect(card).toContain('ZAAK-2026-000001');
    expect(card).toContain('(verlopen / overdue)');
    expect(card).not.toContain('ZAAK-2026-000004');
    expect(card).toContain('https://tab.example.org/');
  });

  it('asks the API as the user who wrote, by their Entra object id', async () => {
    await fn.call({ method: 'POST', body: message('hoi', connector.serviceUrl) });
    expect(api.calls).toEqual(expect.arrayContaining([`me ${sanne}`, `cases ${sanne} 200 `]));
  });

  it('sends replies without a bot token in local channel mode (the Playground expects none)', async () => {
    await fn.call({ method: 'POST', body: message('hallo', connector.serviceUrl) });
    // Teams SDK 2.0.16 sends the literal "Bearer null" when it has no credentials.
    expect(connector.replies[0]?.authorization ?? 'Bearer null').toBe('Bearer null');
  });

  it('answers other text with a short help text and does not call the API', async () => {
    await fn.call({ method: 'POST', body: message('wat kun je?', connector.serviceUrl) });
    expect(connector.replies.map((r) => r.activity.text)).toEqual([helpText]);
    expect(api.calls).toEqual([]);
  });

  it("does not show anyone's cases in a group chat", async () => {
    const inGroup = { ...message('hallo', connector.serviceUrl), conversation: { id: 'group-1', conversationType: 'groupChat' } };
    await fn.call({ method: 'POST', body: inGroup });
    expect(connector.replies.map((r) => r.activity.text)).toEqual([personalOnlyText]);
    expect(cardOf(connector.replies[0]?.activity)).toBeUndefined();
    expect(api.calls).toEqual([]);
  });

  it('answers politely that it does not know the user when Teams sends no Entra object id', async () => {
    await fn.call({ method: 'POST', body: message('hallo', connector.serviceUrl, { id: 'guest-1', name: 'Gast' }) });
    expect(JSON.stringify(cardOf(connector.replies[0]?.activity))).toContain('Ik weet niet wie u bent');
    expect(api.calls).toEqual([]);
  });

  it("answers the same, without asking the API, when the object id is not a GUID (the Playground's default user)", async () => {
    const playgroundDefault = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
    await fn.call({ method: 'POST', body: message('hallo', connector.serviceUrl, playgroundDefault) });
    expect(JSON.stringify(cardOf(connector.replies[0]?.activity))).toContain('Ik weet niet wie u bent');
    expect(api.calls).toEqual([]);
  });

  it('answers the same when the API does not know the user', async () => {
    const stranger = { id: 'user-9', aadObjectId: 'c0000009-0000-4000-8000-000000000009' };
    await fn.call({ method: 'POST', body: message('hallo', connector.serviceUrl, stranger) });
    expect(JSON.stringify(cardOf(connector.replies[0]?.activity))).toContain('Ik weet niet wie u bent');
  });

  it('sends a try-again card when the API is down, and logs why', async () => {
    api.down = true;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await fn.call({ method: 'POST', body: message('hallo', connector.serviceUrl) });
      expect(response.status).toBe(200);
      expect(JSON.stringify(cardOf(connector.replies[0]?.activity))).toContain('Zaakwerk is even niet bereikbaar');
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('"msg":"overview: the API call failed"'));
    } finally {
      errors.mockRestore();
    }
  });

  it('greets with the overview when installed in a personal chat', async () => {
    const installed = personal({ type: 'conversationUpdate', membersAdded: [{ id: botId }] }, connector.serviceUrl);
    await fn.call({ method: 'POST', body: installed });
    expect(JSON.stringify(cardOf(connector.replies[0]?.activity))).toContain('Hallo Sanne de Vries');
  });

  it('stays quiet when someone else joins a conversation', async () => {
    const joined = personal({ type: 'conversationUpdate', membersAdded: [{ id: 'user-2' }] }, connector.serviceUrl);
    expect((await fn.call({ method: 'POST', body: joined })).status).toBe(200);
    expect(connector.replies).toEqual([]);
  });

  it('answers Vernieuwen (adaptiveCard/action, verb refresh) with a fresh card in the invoke response', async () => {
    const refresh = personal(
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-1',
        value: { action: { type: 'Action.Execute', title: 'Vernieuwen', verb: 'refresh' } },
      },
      connector.serviceUrl,
    );
    const response = await fn.call({ method: 'POST', body: refresh });
    expect(response.status).toBe(200);
    const body = response.jsonBody as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Hallo Sanne de Vries');
    expect(connector.replies).toEqual([]);
  });

  it('answers an unknown card verb with a 400 card-action error', async () => {
    const other = personal(
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'card-1',
        value: { action: { type: 'Action.Execute', verb: 'delete-everything' } },
      },
      connector.serviceUrl,
    );
    const body = (await fn.call({ method: 'POST', body: other })).jsonBody as { statusCode: number; type: string };
    expect(body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  it('answers a body that is not JSON with 400', async () => {
    expect((await fn.call({ method: 'POST', rawBody: '{not json' })).status).toBe(400);
  });

  it('answers other methods with 405', async () => {
    expect((await fn.call({ method: 'GET' })).status).toBe(405);
  });
});

describe('the bot with Bot Framework channel authentication', () => {
  it('rejects an activity without a Bot Framework token, and sends nothing', async () => {
    const connector = await startStubConnector();
    try {
      const api = new FakeApi();
      const config = loadBotConfig({ ZAAKWERK_BOT_CHANNEL_AUTH: 'botframework', ZAAKWERK_LOG_LEVEL: 'error' });
      const fn = registeredHttpFunction((app) => register(app, { config, api }));
      const response = await fn.call({ method: 'POST', body: message('hallo', connector.serviceUrl) });
      expect(response.status).toBe(401);
      expect(connector.replies).toEqual([]);
      expect(api.calls).toEqual([]);
    } finally {
      await connector.close();
    }
  });
});
