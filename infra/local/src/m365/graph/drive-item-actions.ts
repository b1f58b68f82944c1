import { readJson } from '../http/body';
import { redirect, sendEmpty } from '../http/respond';
import type { Exchange } from '../http/router';
import type { DriveAddress } from './drive-address';
import type { DriveIdentity, DriveItem, DriveItemVersion, FieldValue } from './drive-store';
import { GraphError, graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';

/** SharePoint's version label: content versions are major versions `1.0`, `2.0`, … */
export const versionLabel = (n: number): string => `${n}.0`;

/** 423 while someone else has the file checked out: SharePoint answers `accessDenied` with this message. */
export function checkNotLockedFor(item: DriveItem, by: DriveIdentity): void {
  if (item.checkedOutBy && item.checkedOutBy.id !== by.id) {
    throw new GraphError(423, 'accessDenied', 'The file is currently checked out or locked for editing by another user.');
  }
}

/** `/versions`, `/versions/{id}`, `/versions/{id}/content` and `/versions/{id}/restoreVersion`. */
export async function handleVersions(
  ctx: GraphContext,
  ex: Exchange,
  item: DriveItem,
  address: DriveAddress,
  by: DriveIdentity,
): Promise<void> {
  if (item.kind !== 'file') throw graphErrors.itemNotFound('The item is not a file.');
  const method = ex.req.method ?? 'GET';
  const all = await ctx.drive.versions(item);
  const context = `drives('${item.driveId}')/items('${item.id}')/versions`;
  if (address.target === 'versions' && method === 'GET') {
    return sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, context), value: all.map(presentVersion) });
  }
  const version = all.find((v) => versionLabel(v.number) === address.versionId);
  if (!version) throw graphErrors.itemNotFound(`The version '${address.versionId ?? ''}' does not exist.`);
  if (address.target === 'version' && method === 'GET') {
    return sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, `${context}/$entity`), ...presentVersion(version) });
  }
  if (address.target === 'versionContent' && method === 'GET') {
    return redirect(ex.res, ctx.downloads.create(item.driveId, item.id, version.number));
  }
  if (address.target === 'restoreVersion' && method === 'POST') {
    checkNotLockedFor(item, by);
    const bytes = await ctx.drive.readVersion(item, version.number);
    if (!bytes) throw graphErrors.itemNotFound('The version has no content.');
    // Graph: restoring makes a new current version with the old content; the history stays.
    await ctx.drive.replaceContent(item, bytes, by);
    return sendEmpty(ex.res, 204);
  }
  throw graphErrors.methodNotAllowed();
}

function presentVersion(version: DriveItemVersion): Record<string, unknown> {
  return {
    id: versionLabel(version.number),
    lastModifiedDateTime: version.modifiedAt,
    size: version.size,
    lastModifiedBy:
      version.modifiedBy.kind === 'application'
        ? { application: { id: version.modifiedBy.id, displayName: version.modifiedBy.displayName } }
        : { user: { id: version.modifiedBy.id, displayName: version.modifiedBy.displayName } },
  };
}

const columnName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `GET /listItem` (with `$expand=fields`), `GET` and `PATCH /listItem/fields`: the file's metadata columns. */
export async function handleListItem(ctx: GraphContext, ex: Exchange, item: DriveItem, address: DriveAddress): Promise<void> {
  if (item.kind === 'root') throw graphErrors.itemNotFound('The root has no list item.');
  const method = ex.req.method ?? 'GET';
  let current = item;
  if (address.target === 'listItemFields' && method === 'PATCH') {
    current = await ctx.drive.updateFields(item, await readFieldPatch(ex));
  } else if (method !== 'GET') {
    throw graphErrors.methodNotAllowed();
  }
  const fields = { '@odata.etag': `"${current.guid},${current.version}"`, id: current.id, ...current.fields };
  if (address.target === 'listItemFields') {
    return sendGraphJson(ex, 200, {
      '@odata.context': odataContext(ctx, `drives('${item.driveId}')/items('${item.id}')/listItem/fields/$entity`),
      ...fields,
    });
  }
  const expand = ex.url.searchParams.get('$expand') ?? ex.url.searchParams.get('expand') ?? '';
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, `drives('${item.driveId}')/items('${item.id}')/listItem/$entity`),
    '@odata.etag': `"${current.guid},${current.version}"`,
    id: current.id,
    createdDateTime: current.createdAt,
    lastModifiedDateTime: current.modifiedAt,
    ...(expand.split(',').includes('fields') ? { fields } : {}),
  });
}

/** Column values must be plain JSON scalars under a valid internal column name. */
async function readFieldPatch(ex: Exchange): Promise<Record<string, FieldValue>> {
  let body: unknown;
  try {
    body = await readJson(ex.req);
  } catch {
    throw graphErrors.invalidRequest('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw graphErrors.invalidRequest('The request body must be a JSON object of column values.');
  const patch: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith('@odata')) continue;
    if (!columnName.test(name)) throw graphErrors.invalidRequest(`Field '${name}' is not recognized`);
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value))
      throw graphErrors.invalidRequest(`The value of field '${name}' must be a string, number, boolean or null.`);
    patch[name] = value as FieldValue;
  }
  return patch;
}

/** `POST /checkout` and `POST /checkin`: 204, like Graph; checking in someone else's checkout is 423. */
export async function handleCheckout(ctx: GraphContext, ex: Exchange, item: DriveItem, address: DriveAddress, by: DriveIdentity) {
  if (item.kind !== 'file') throw graphErrors.invalidRequest('Only files can be checked out.');
  if ((ex.req.method ?? 'GET') !== 'POST') throw graphErrors.methodNotAllowed();
  checkNotLockedFor(item, by);
  if (address.target === 'checkin') await readJson(ex.req).catch(() => undefined);
  await ctx.drive.setCheckout(item, address.target === 'checkout' ? by : null);
  sendEmpty(ex.res, 204);
}
