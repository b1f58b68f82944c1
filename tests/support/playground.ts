import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import WebSocket from 'ws';

/**
 * Drives the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground 0.2.28) without a
 * browser, through the HTTP and WebSocket API its own web client uses. That API is undocumented: what
 * is used here was read from the 0.2.28 bundle and checked against it; pin the version.
 *
 * - CLI: `cli.js -p <port> -e <bot endpoint> -c msteams --disable-telemetry` (port 0 = any free port;
 *   it prints `Listening on <port>` when stdout is not a terminal). Env: TEAMSAPPTESTER_BROWSER=none
 *   (otherwise it opens a browser), M365_AGENTS_PLAYGROUND_CONFIG_PATH (the chat's users and ids),
 *   M365_AGENTS_PLAYGROUND_LOGFILE (default ./devTools/m365agentsplayground.log in the working folder).
 * - GET  /_debug/ping: readiness.
 * - GET  /_internal/v1/testConfig: the loaded config at once (`/_internal/v1/config` first waits up to
 *   15 s for the bot endpoint to answer, probing it with HEAD, as the web client does).
 * - POST /_conversation/v1/conversations/{conversationId}/messages `{ from: { id }, text, textFormat }`:
 *   the user writes; in the personal chat the bot gets a `message` activity (serviceUrl = <playground>/_connector).
 * - POST /_conversation/v1/invoke `{ name: 'adaptiveCard/action', from: { id }, conversation: { id },
 *   replyToId: <messageId of the card>, value: { action: { type: 'Action.Execute', title, verb, data } } }`:
 *   a card button; answers the bot's invoke response `{ type, value }` and replaces the card in place.
 * - GET  /_internal/v1/customActivities/template?conversationId=&type=botAdded|install|userAdded|…, then
 *   POST /_internal/v1/customActivities with the (edited) activity: any other activity, e.g. conversationUpdate.
 * - WebSocket /_ws_conversation/v1/conversations/stream: what the bot sends, as
 *   `{ action: 'createMessage'|'updateMessage', actionConversationId, message: { messageId, from, text,
 *   attachments: [{ contentType, content }] } }` and `{ action: 'typing' }`. Messages sent while no client
 *   is connected are buffered and delivered on connect. A reply with text and a card arrives as two messages.
 */

export { playgroundConfig, playgroundUser } from '../../infra/local/src/playground-config';
export type { Persona, PlaygroundConfig, PlaygroundUser } from '../../infra/local/src/playground-config';
import type { PlaygroundConfig } from '../../infra/local/src/playground-config';

export interface RunningPlayground {
  /** e.g. http://localhost:56150 */
  url: string;
  port: number;
  config: PlaygroundConfig;
  /** The Playground's log file (its console goes there when stdout is not a terminal). */
  log(): Promise<string>;
  connect(): Promise<PlaygroundClient>;
  stop(): Promise<void>;
}

const playgroundCli = (): string => join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

/** Starts the Agents Playground for `botEndpoint`, with a config file that makes `config.currentUser` the chat user. */
export async function startPlayground(opts: {
  botEndpoint: string;
  config: PlaygroundConfig;
  port?: number;
  timeoutMs?: number;
}): Promise<RunningPlayground> {
  const dir = await mkdtemp(join(tmpdir(), 'zaakwerk-playground-'));
  const configPath = join(dir, '.m365agentsplayground.yml');
  const logPath = join(dir, 'playground.log');
  // JSON is YAML: the Playground parses this file with a YAML parser.
  await writeFile(configPath, JSON.stringify(opts.config, null, 2));
  const child: ChildProcess = spawn(
    process.execPath,
    [playgroundCli(), '-p', String(opts.port ?? 0), '-e', opts.botEndpoint, '-c', 'msteams', '--disable-telemetry'],
    {
      cwd: dir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () => readFile(logPath, 'utf8').catch(() => '');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const port = await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the Agents Playground exited (${child.exitCode}): ${output}`);
        const match = /Listening on (\d+)/.exec(output);
        return match?.[1] ? Number(match[1]) : undefined;
      },
      opts.timeoutMs ?? 30_000,
      'the Agents Playground to listen',
    );
    const url = `http://localhost:${port}`;
    await waitFor(
      async () => ((await fetch(`${url}/_debug/ping`).catch(() => null))?.ok ? true : undefined),
      10_000,
      'the Playground to answer',
    );
    return { url, port, config: opts.config, log, connect: () => connectPlayground(url), stop };
  } catch (error) {
    const logged = await log();
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logged.slice(-3000)}`);
  }
}

/** What the bot sent, as the Playground reports it over its WebSocket. */
export interface PlaygroundMessage {
  /** Order of arrival, from 0. */
  seq: number;
  action: 'createMessage' | 'updateMessage';
  conversationId: string;
  messageId: string;
  fromId: string;
  text?: string;
  attachments: Array<{ contentType: string; content: unknown }>;
}

export interface InvokeResult {
  /** e.g. application/vnd.microsoft.card.adaptive, application/vnd.microsoft.activity.message */
  type: string;
  value: unknown;
}

export interface PlaygroundClient {
  config: PlaygroundConfig;
  /** Every bot message received so far. */
  messages: PlaygroundMessage[];
  /** The user writes in the personal chat (or the given conversation). Returns the seq mark to wait after. */
  sendMessage(text: string, conversationId?: string): Promise<{ messageId: string; after: number }>;
  /** The first bot message after `after` (a seq mark) that matches; rejects after timeoutMs with what did arrive. */
  waitForActivity(predicate: (m: PlaygroundMessage) => boolean, timeoutMs: number, after?: number): Promise<PlaygroundMessage>;
  /** Presses an Action.Execute button of a card the bot sent; resolves with the bot's invoke answer. */
  invokeAction(message: PlaygroundMessage, action: { verb: string; title?: string; data?: unknown }): Promise<InvokeResult>;
  /** Sends a template activity (e.g. `botAdded`: conversationUpdate with the bot in membersAdded) to the bot. */
  sendTemplateActivity(type: string, conversationId?: string): Promise<{ after: number }>;
  close(): Promise<void>;
}

/** Connects to a running Playground (started here or by the dev stack) as its configured user. */
export async function connectPlayground(url: string): Promise<PlaygroundClient> {
  const { config } = (await getJson(`${url}/_internal/v1/testConfig`)) as { config: PlaygroundConfig };
  const personalChatId = config.personalChat.id;
  const messages: PlaygroundMessage[] = [];
  const listeners = new Set<() => void>();

  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.on('message', (data: WebSocket.RawData) => {
    const event = JSON.parse(data.toString()) as {
      action: string;
      actionConversationId: string;
      message?: { messageId: string; from: { id: string }; text?: string; attachments?: PlaygroundMessage['attachments'] };
    };
    if ((event.action !== 'createMessage' && event.action !== 'updateMessage') || !event.message) return;
    messages.push({
      seq: messages.length,
      action: event.action,
      conversationId: event.actionConversationId,
      messageId: event.message.messageId,
      fromId: event.message.from.id,
      ...(event.message.text !== undefined ? { text: event.message.text } : {}),
      attachments: event.message.attachments ?? [],
    });
    listeners.forEach((notify) => notify());
  });

  const mark = () => messages.length - 1;

  return {
    config,
    messages,
    async sendMessage(text, conversationId = personalChatId) {
      const after = mark();
      const sent = (await postJson(`${url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        from: { id: config.currentUser.id },
        text,
        textFormat: 'plain',
      })) as { messageId: string };
      return { messageId: sent.messageId, after };
    },
    waitForActivity(predicate, timeoutMs, after = -1) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find((m) => m.seq > after && predicate(m));
          if (!found) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          const seen = messages.filter((m) => m.seq > after).map((m) => JSON.stringify(m).slice(0, 600));
          reject(new Error(`no matching bot message within ${timeoutMs} ms; received:\n${seen.join('\n') || '(nothing)'}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    async invokeAction(message, action) {
      return (await postJson(`${url}/_conversation/v1/invoke`, {
        name: 'adaptiveCard/action',
        from: { id: config.currentUser.id },
        conversation: { id: message.conversationId },
        replyToId: message.messageId,
        // As the Playground's web client builds it for an Action.Execute button.
        value: { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: action.data } },
      })) as InvokeResult;
    },
    async sendTemplateActivity(type, conversationId = personalChatId) {
      const after = mark();
      const query = new URLSearchParams({ conversationId, type });
      const activity = await getJson(`${url}/_internal/v1/customActivities/template?${query.toString()}`);
      await postJson(`${url}/_internal/v1/customActivities`, activity);
      return { after };
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

/** The adaptive card(s) in a bot message. */
export const adaptiveCards = (m: PlaygroundMessage): unknown[] =>
  m.attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
