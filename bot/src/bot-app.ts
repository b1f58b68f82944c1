import type { IAdaptiveCardActionInvokeActivity, AdaptiveCardActionResponse } from '@microsoft/teams.api';
import { MessageActivity } from '@microsoft/teams.api';
import { App, type AppOptions, type IHttpServerAdapter, type IPlugin } from '@microsoft/teams.apps';
import type { ILogger } from '@microsoft/teams.common';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ZaakwerkApiClient } from './api-client';
import { refreshVerb } from './cards/elements';
import type { BotConfig } from './config';
import { isGreeting } from './overview/is-greeting';
import { overviewCard } from './overview/overview-card';

/** Where the Functions route `messages` (routePrefix `api`) is served; the SDK registers it on the adapter. */
export const messagingEndpoint = '/api/messages';

export interface BotAppDependencies {
  config: Pick<BotConfig, 'bot' | 'channelAuth' | 'myWorkUrl'>;
  api: ZaakwerkApiClient;
  httpServerAdapter: IHttpServerAdapter;
  logger: ILogger;
  now?: () => Date;
}

export const helpText = 'Zeg **hallo** voor een overzicht van uw zaken.\n\nSay **hello** for an overview of your cases.';

export const personalOnlyText =
  'Uw overzicht deel ik alleen in een persoonlijke chat met mij.\n\nI only share your overview in a personal chat with me.';

/**
 * The Zaakwerk bot: a Teams SDK app whose only transport is the given HTTP adapter. It greets with the
 * user's work overview, answers "Vernieuwen" with a fresh card, and otherwise says what it can do.
 */
export function createBotApp(deps: BotAppDependencies): App {
  const { config, logger } = deps;
  const app = new App({
    ...channelOptions(config),
    httpServerAdapter: deps.httpServerAdapter,
    logger,
    messagingEndpoint,
    // "@Zaakwerk hallo" in a channel arrives as "<at>Zaakwerk</at> hallo".
    activity: { mentions: { stripText: true } },
  });
  const cardFor = (aadObjectId: string | undefined) =>
    overviewCard(aadObjectId, {
      api: deps.api,
      myWorkUrl: config.myWorkUrl,
      log: logger,
      ...(deps.now ? { now: deps.now } : {}),
    });

  app.on('message', async (ctx) => {
    const { activity } = ctx;
    if (!isGreeting(activity.text)) {
      await ctx.send(new MessageActivity(helpText).withTextFormat('markdown'));
      return;
    }
    // The card shows one person's cases: never in a group chat or channel.
    if (activity.conversation.conversationType !== 'personal') {
      await ctx.send(new MessageActivity(personalOnlyText).withTextFormat('markdown'));
      return;
    }
    await ctx.send(cardMessage(await cardFor(activity.from.aadObjectId)));
  });

  app.on('conversationUpdate', async (ctx) => {
    const { activity } = ctx;
    const botAdded = activity.membersAdded?.some((m) => m.id === activity.recipient.id) ?? false;
    // Installing the bot for oneself (personal scope) is the moment to introduce it.
    if (botAdded && activity.conversation.conversationType === 'personal') {
      await ctx.send(cardMessage(await cardFor(activity.from.aadObjectId)));
    }
  });

  app.on('card.action', async (ctx): Promise<AdaptiveCardActionResponse> => {
    const verb = verbOf(ctx.activity);
    if (verb !== refreshVerb) {
      const message = `Unknown verb "${verb}"`;
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message, innerHttpError: { statusCode: 400, body: { message } } },
      };
    }
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: await cardFor(ctx.activity.from.aadObjectId),
    };
  });

  return app;
}

/**
 * `botframework`: the SDK validates the Bot Framework JWT of every request and signs its replies with
 * the bot's credentials. `none` (local only, enforced by config): neither, as the Agents Playground
 * sends no token and expects none. The SDK falls back to CLIENT_ID/CLIENT_SECRET/TENANT_ID from the
 * environment when no credentials are passed: do not set those variables on a Zaakwerk bot.
 */
function channelOptions(config: Pick<BotConfig, 'bot' | 'channelAuth'>): AppOptions<IPlugin> {
  if (config.channelAuth === 'none') return { dangerouslyAllowUnauthenticatedRequests: true, oauth: { fetchUserToken: false } };
  return {
    clientId: config.bot.clientId,
    clientSecret: config.bot.clientSecret,
    tenantId: config.bot.tenantId,
    dangerouslyAllowUnauthenticatedRequests: false,
    oauth: { fetchUserToken: false },
  };
}

const cardMessage = (card: IAdaptiveCard) => new MessageActivity().addCard('adaptive', card);

function verbOf(activity: IAdaptiveCardActionInvokeActivity): string {
  const action: { verb?: unknown } = activity.value.action;
  return typeof action.verb === 'string' ? action.verb : '';
}
