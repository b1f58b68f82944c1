import { z } from 'zod';
import { dependencyUnavailable } from '../../app/errors';
import type { DocumentChangeFeed, LibrarySubscriptions } from '../../ports/document-changes';
import { graphFailure } from './document-store.graph';
import { defaultRetryOptions, sendWithRetry, type RetryOptions } from './graph-retry';
import type { GraphTokenSource } from './graph-tokens';

const DeltaPage = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      file: z.unknown().optional(),
      deleted: z.unknown().optional(),
    }),
  ),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});
const Drives = z.object({ value: z.array(z.object({ id: z.string(), name: z.string() })) });
const Subscription = z.object({ id: z.string(), expirationDateTime: z.string() });

/**
 * The library's changes through Graph `GET /drives/{id}/root/delta`, app-only (the timer acts for no
 * user). Links from Graph are followed as given, but only on the configured Graph host, so a stored
 * link can never send the API's token elsewhere.
 */
export function createGraphDocumentChanges(options: {
  graphBaseUrl: string;
  siteId: string | undefined;
  library: string;
  tokens: GraphTokenSource;
  retry?: RetryOptions;
}): DocumentChangeFeed & LibrarySubscriptions {
  const v1 = `${options.graphBaseUrl}/v1.0`;
  const send = async (url: string, init: { method?: string; body?: unknown } = {}): Promise<Response> => {
    const token = await options.tokens({ kind: 'app' });
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    return sendWithRetry(
      () =>
        fetch(url, {
          method: init.method ?? 'GET',
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body } : {}),
        }).catch((error: unknown) => Promise.reject(graphFailure(error))),
      options.retry ?? defaultRetryOptions,
    );
  };
  const get = (url: string) => send(url);
  const json = async <T extends z.ZodType>(response: Response, schema: T): Promise<z.output<T>> => {
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
      throw graphFailure({ statusCode: response.status, code: body?.error?.code });
    }
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw dependencyUnavailable('documents.unavailable', 'SharePoint answered unexpectedly.', parsed.error);
    return parsed.data;
  };
  let driveId: Promise<string> | undefined;
  const drive = (): Promise<string> => {
    const siteId = options.siteId;
    if (!siteId) return Promise.reject(dependencyUnavailable('documents.not-configured', 'No document library is configured.'));
    driveId ??= get(`${v1}/sites/${encodeURIComponent(siteId)}/drives?$select=id,name`)
      .then((response) => json(response, Drives))
      .then(({ value }) => {
        const found = value.find((d) => d.name.toLowerCase() === options.library.toLowerCase());
        if (!found) throw dependencyUnavailable('documents.library-not-found', `No document library "${options.library}".`);
        return found.id;
      });
    driveId.catch(() => (driveId = undefined));
    return driveId;
  };

  return {
    async page(link) {
      if (link !== null && !link.startsWith(`${options.graphBaseUrl}/`))
        throw new Error('a stored delta link does not point to the configured Graph host');
      const url = link ?? `${v1}/drives/${encodeURIComponent(await drive())}/root/delta`;
      const response = await get(url);
      if (response.status === 410) {
        await response.body?.cancel().catch(() => undefined);
        return 'resync';
      }
      const page = await json(response, DeltaPage);
      return {
        changes: page.value.map((item) => ({
          itemId: item.id,
          deleted: item.deleted !== undefined,
          isFile: item.file !== undefined,
        })),
        nextLink: page['@odata.nextLink'] ?? null,
        deltaLink: page['@odata.nextLink'] ? null : (page['@odata.deltaLink'] ?? null),
      };
    },
    async fieldsOf(itemId) {
      const response = await get(
        `${v1}/drives/${encodeURIComponent(await drive())}/items/${encodeURIComponent(itemId)}/listItem/fields`,
      );
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      return json(response, z.record(z.string(), z.unknown()));
    },
    async create(request) {
      const response = await send(`${v1}/subscriptions`, {
        method: 'POST',
        body: {
          changeType: 'updated',
          notificationUrl: request.notificationUrl,
          resource: `drives/${await drive()}/root`,
          expirationDateTime: request.expiresAt,
          clientState: request.clientState,
          ...(request.lifecycleNotificationUrl ? { lifecycleNotificationUrl: request.lifecycleNotificationUrl } : {}),
        },
      });
      const created = await json(response, Subscription);
      return {
        id: created.id,
        expiresAt: created.expirationDateTime,
        ...(request.lifecycleNotificationUrl ? { lifecycleUrl: request.lifecycleNotificationUrl } : {}),
      };
    },
    async renew(id, expiresAt) {
      const response = await send(`${v1}/subscriptions/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { expirationDateTime: expiresAt },
      });
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      const renewed = await json(response, Subscription);
      return { id: renewed.id, expiresAt: renewed.expirationDateTime };
    },
  };
}
