import type { Exchange } from '../http/router';
import { viewOf } from './drive-item.presenter';
import type { DriveItem } from './drive-store';
import { graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';
import { parseTop } from './odata';

/**
 * `GET /drives/{id}/root/delta[?token=…]` as Graph serves it: without a token the drive's whole current
 * state (then a deltaLink), with `token=latest` no items and a deltaLink from now, with a token from an
 * earlier nextLink/deltaLink the items changed since — each once, in its current state, deleted ones
 * with the `deleted` facet — in pages (`$top`, default 200) joined by `@odata.nextLink`, the last with
 * `@odata.deltaLink`. A token the drive never issued is 410 `resyncRequired`, as Graph answers an
 * expired one. Tokens are opaque to callers (here: base64url of a change-log key).
 */
export async function handleDelta(ctx: GraphContext, ex: Exchange, root: DriveItem): Promise<void> {
  if (root.kind !== 'root') throw graphErrors.invalidRequest('delta is served for the root of the drive.');
  const driveId = root.driveId;
  const link = (token: string) =>
    `${ctx.urls.graphBase}/v1.0/drives/${driveId}/root/delta?token=${Buffer.from(token).toString('base64url')}`;
  const given = ex.url.searchParams.get('token');
  const top = parseTop(ex.url.searchParams.get('$top'), 200);
  const context = odataContext(ctx, 'Collection(driveItem)');

  if (given === null || given === 'latest') {
    const latest = await ctx.drive.latestChange(driveId);
    const items = given === 'latest' ? [] : (await ctx.drive.allItems(driveId)).filter((i) => i.kind !== 'root');
    return sendGraphJson(ex, 200, {
      '@odata.context': context,
      '@odata.deltaLink': link(latest),
      value: await Promise.all(items.map((item) => viewOf(ctx, item))),
    });
  }
  const after = Buffer.from(given, 'base64url').toString();
  if (after !== '' && !/^\d{15}[0-9a-f]{8}$/.test(after))
    throw graphErrors.resyncRequired('The delta token is not valid or has expired; start a new delta enumeration.');
  const changes = await ctx.drive.changesSince(driveId, after, top);
  const last = changes[changes.length - 1]?.key ?? after;
  // The newest change per item; the item as it is now (or its tombstone).
  const latestPerItem = new Map(changes.map((change) => [change.itemId, change]));
  const value: Record<string, unknown>[] = [];
  for (const change of latestPerItem.values()) {
    const item = change.deleted ? undefined : await ctx.drive.get(driveId, change.itemId);
    if (item) value.push(await viewOf(ctx, item));
    else
      value.push({
        id: change.itemId,
        name: change.name,
        deleted: { state: 'deleted' },
        parentReference: { driveType: 'documentLibrary', driveId, id: change.parentId },
      });
  }
  sendGraphJson(ex, 200, {
    '@odata.context': context,
    ...(changes.length >= top ? { '@odata.nextLink': link(last) } : { '@odata.deltaLink': link(last) }),
    value,
  });
}
