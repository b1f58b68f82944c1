import type { ILogger } from '@microsoft/teams.common';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { CaseSummary } from '@zaakwerk/functions/contract';
import { ApiProblemError, type ZaakwerkApiClient } from '../api-client';
import { greetingCard } from '../cards/greeting.card';
import { unavailableCard, unknownUserCard } from '../cards/notice.card';

export interface OverviewOptions {
  api: ZaakwerkApiClient;
  myWorkUrl: string;
  log: ILogger;
  now?: () => Date;
  /** How many cases the card lists. */
  shownCases?: number;
}

/** The API pages work queues; counting stops after this many pages ("meer dan 1000"). */
const countPageSize = 200;
/** Entra object ids are GUIDs; anything else (the Playground's default user has none) cannot be a Zaakwerk user. */
const objectIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxCountPages = 5;

/**
 * The card the bot answers a greeting (or "Vernieuwen") with, for the Teams user with this Entra
 * object id: the greeting with their cases, or a notice when they are unknown or the API is down.
 * Never throws: the user always gets a card.
 */
export async function overviewCard(aadObjectId: string | undefined, options: OverviewOptions): Promise<IAdaptiveCard> {
  if (!aadObjectId || !objectIdPattern.test(aadObjectId)) return unknownUserCard();
  const now = (options.now ?? (() => new Date()))();
  try {
    const [me, queue] = await Promise.all([options.api.getMe(aadObjectId), countQueue(options.api, aadObjectId)]);
    return greetingCard({
      user: { name: me.name },
      cases: {
        shown: queue.first.slice(0, options.shownCases ?? 3).map(caseLine),
        total: queue.total,
        totalIsLowerBound: queue.more,
      },
      links: { myWork: options.myWorkUrl },
      today: amsterdamDate(now),
      updatedAt: now,
    });
  } catch (error) {
    if (error instanceof ApiProblemError && error.problem.code === 'auth.acting-user-unknown') return unknownUserCard();
    // Everything else is ours or the API's to fix; the user can only try again.
    options.log.error('overview: the API call failed', describeError(error));
    return unavailableCard();
  }
}

async function countQueue(
  api: ZaakwerkApiClient,
  aadObjectId: string,
): Promise<{ first: CaseSummary[]; total: number; more: boolean }> {
  let page = await api.listMyCases(aadObjectId, { limit: countPageSize });
  const first = page.items;
  let total = page.items.length;
  for (let pages = 1; page.nextCursor !== null && pages < maxCountPages; pages++) {
    page = await api.listMyCases(aadObjectId, { limit: countPageSize, cursor: page.nextCursor });
    total += page.items.length;
  }
  return { first, total, more: page.nextCursor !== null };
}

const caseLine = (c: CaseSummary) => ({ number: c.number, title: c.title, deadline: c.deadline.final });

/** YYYY-MM-DD of this instant in Europe/Amsterdam (en-CA formats dates that way). */
export function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof ApiProblemError) return { name: error.name, status: error.problem.status, code: error.problem.code };
  if (error instanceof Error) return { name: error.name, message: error.message, cause: String(error.cause ?? '') };
  return { error: String(error) };
}
