import { demoTenant } from '../demo-tenant';
import { BodyTooLargeError, readBody, readJson } from '../http/body';
import { redirect, sendEmpty } from '../http/respond';
import type { Exchange } from '../http/router';
import { appRegistrations } from '../oidc/apps';
import { permissions, requirePermission, type GraphCaller } from './caller';
import { parseDriveAddress, type DriveAddress } from './drive-address';
import { viewOf } from './drive-item.presenter';
import type { ConflictBehavior, DriveIdentity, DriveItem } from './drive-store';
import { checkNotLockedFor, handleCheckout, handleListItem, handleVersions } from './drive-item-actions';
import { handlePermissions } from './drive-permissions';
import { handleDelta } from './drive-delta';
import { graphErrors, tooLargeForSimpleUpload } from './errors';
import { createUploadSession } from './upload-sessions';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';
import { paginate, parseTop } from './odata';

export const simpleUploadLimitBytes = 4 * 1024 * 1024;
const { sharePoint } = demoTenant;
const addressPattern = /^\/graph\/v1\.0\/(?:drives\/([^/]+)|sites\/([^/]+)\/drive)\/(.+)$/;

/**
 * Everything below `/drives/{driveId}/` (and `/sites/{siteId}/drive/`): items by id or path, children,
 * folder creation, small uploads, upload sessions, content download (302 to a pre-authenticated URL), delete,
 * versions (list, download, restore), list item fields, check-out/check-in and `root/delta`.
 */
export async function handleDriveItems(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  const match = addressPattern.exec(ex.url.pathname);
  const address = match?.[3] ? parseDriveAddress(match[3]) : undefined;
  if (!match || !address) throw graphErrors.segmentNotFound(ex.url.pathname.split('/').pop() ?? '');
  const driveId = match[1] ? decodeURIComponent(match[1]) : siteDrive(decodeURIComponent(match[2] ?? ''));
  if (driveId !== sharePoint.driveId) throw graphErrors.itemNotFound('The drive could not be found.');
  const method = ex.req.method ?? 'GET';
  const writes = method !== 'GET' && method !== 'HEAD';
  requirePermission(caller, writes ? permissions.writeFiles : permissions.readFiles, graphErrors.accessDenied);

  if (address.target === 'content' && method === 'PUT') return upload(ctx, ex, caller, driveId, address);
  if (address.target === 'children' && method === 'POST') return createFolder(ctx, ex, caller, driveId, address);
  if (address.target === 'createUploadSession' && method === 'POST') return startSession(ctx, ex, caller, driveId, address);
  const item = await resolve(ctx, driveId, address);
  if (!item) throw graphErrors.itemNotFound();
  if (['versions', 'version', 'versionContent', 'restoreVersion'].includes(address.target))
    return handleVersions(ctx, ex, item, address, identityOf(caller));
  if (address.target === 'listItem' || address.target === 'listItemFields') return handleListItem(ctx, ex, item, address);
  if (address.target === 'invite' || address.target === 'permissions' || address.target === 'permission')
    return handlePermissions(ctx, ex, item, address, identityOf(caller));
  if (address.target === 'delta' && method === 'GET') return handleDelta(ctx, ex, item);
  if (address.target === 'checkout' || address.target === 'checkin')
    return handleCheckout(ctx, ex, item, address, identityOf(caller));
  if (address.target === 'item' && method === 'GET')
    return sendGraphJson(ex, 200, {
      '@odata.context': odataContext(ctx, `drives('${driveId}')/items/$entity`),
      ...(await viewOf(ctx, item)),
    });
  if (address.target === 'item' && method === 'DELETE') {
    checkIfMatch(ex, item);
    checkNotLockedFor(item, identityOf(caller));
    await ctx.drive.deleteItem(item);
    return sendEmpty(ex.res, 204);
  }
  if (address.target === 'children' && method === 'GET') return listChildren(ctx, ex, driveId, item);
  if (address.target === 'content' && method === 'GET') {
    if (item.kind !== 'file') throw graphErrors.itemNotFound('The item is not a file.');
    return redirect(ex.res, ctx.downloads.create(driveId, item.id));
  }
  throw graphErrors.methodNotAllowed();
}

async function listChildren(ctx: GraphContext, ex: Exchange, driveId: string, parent: DriveItem): Promise<void> {
  if (parent.kind === 'file') throw graphErrors.itemNotFound('The item is not a folder.');
  const children = await ctx.drive.children(parent);
  const { page, nextLink } = paginate(children, ex.url, ctx.urls.base, parseTop(ex.url.searchParams.get('$top'), 200));
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, `drives('${driveId}')/items`),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: await Promise.all(page.map((child) => viewOf(ctx, child))),
  });
}

async function createFolder(
  ctx: GraphContext,
  ex: Exchange,
  caller: GraphCaller,
  driveId: string,
  address: DriveAddress,
): Promise<void> {
  const parent = await resolve(ctx, driveId, address);
  if (!parent || parent.kind === 'file') throw graphErrors.itemNotFound();
  const body = await readJsonObject(ex);
  if (typeof body.name !== 'string') throw graphErrors.invalidRequest('The request must include a name.');
  if ('file' in body)
    throw graphErrors.invalidRequest('Files cannot be created this way; upload their content with PUT .../content.');
  if (typeof body.folder !== 'object' || body.folder === null)
    throw graphErrors.invalidRequest('The request must include a folder facet.');
  const conflict = conflictBehavior(
    body['@microsoft.graph.conflictBehavior'] ?? ex.url.searchParams.get('@microsoft.graph.conflictBehavior'),
    'fail',
  );
  const folder = await ctx.drive.createFolder(parent, body.name, identityOf(caller), conflict);
  sendGraphJson(ex, 201, {
    '@odata.context': odataContext(ctx, `drives('${driveId}')/items/$entity`),
    ...(await viewOf(ctx, folder)),
  });
}

async function upload(
  ctx: GraphContext,
  ex: Exchange,
  caller: GraphCaller,
  driveId: string,
  address: DriveAddress,
): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readBody(ex.req, simpleUploadLimitBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLargeForSimpleUpload(simpleUploadLimitBytes);
    throw error;
  }
  const by = identityOf(caller);
  const conflict = conflictBehavior(ex.url.searchParams.get('@microsoft.graph.conflictBehavior'), 'replace');
  let result: { item: DriveItem; created: boolean };
  if (!address.path.length) {
    const existing = await resolve(ctx, driveId, address);
    if (!existing || existing.kind !== 'file') throw graphErrors.itemNotFound();
    checkIfMatch(ex, existing);
    checkNotLockedFor(existing, by);
    result = { item: await ctx.drive.replaceContent(existing, bytes, by), created: false };
  } else {
    const name = address.path[address.path.length - 1] as string;
    const parent = await resolve(ctx, driveId, { ...address, path: address.path.slice(0, -1) }, by);
    if (!parent || parent.kind === 'file') throw graphErrors.itemNotFound();
    const existing = await ctx.drive.childByName(parent, name);
    if (existing) checkIfMatch(ex, existing);
    if (existing) checkNotLockedFor(existing, by);
    result = await ctx.drive.putFile(parent, name, bytes, by, conflict);
  }
  sendGraphJson(ex, result.created ? 201 : 200, {
    '@odata.context': odataContext(ctx, `drives('${driveId}')/items/$entity`),
    ...(await viewOf(ctx, result.item)),
  });
}

/** `POST {folder}:/{name}:/createUploadSession` (a new file) or `POST items/{id}/createUploadSession` (new content). */
async function startSession(
  ctx: GraphContext,
  ex: Exchange,
  caller: GraphCaller,
  driveId: string,
  address: DriveAddress,
): Promise<void> {
  const by = identityOf(caller);
  if (!address.path.length) {
    const file = await resolve(ctx, driveId, address);
    if (!file || file.kind !== 'file') throw graphErrors.itemNotFound();
    checkIfMatch(ex, file);
    return createUploadSession(ctx, ex, { file }, by);
  }
  const name = address.path[address.path.length - 1] as string;
  const parent = await resolve(ctx, driveId, { ...address, path: address.path.slice(0, -1) }, by);
  if (!parent || parent.kind === 'file') throw graphErrors.itemNotFound();
  return createUploadSession(ctx, ex, { parent, name }, by);
}

/** Finds the addressed item; with `createFoldersAs`, missing folders on the path are created (as uploads do). */
async function resolve(
  ctx: GraphContext,
  driveId: string,
  address: DriveAddress,
  createFoldersAs?: DriveIdentity,
): Promise<DriveItem | undefined> {
  let current = await ctx.drive.get(driveId, address.base.kind === 'root' ? sharePoint.rootItemId : address.base.id);
  for (const segment of address.path) {
    if (!current || current.kind === 'file') return undefined;
    const parent: DriveItem = current;
    const next = await ctx.drive.childByName(parent, segment);
    if (next || !createFoldersAs) {
      current = next;
      continue;
    }
    // A parallel upload may create the same folder; then use theirs.
    current = await ctx.drive.createFolder(parent, segment, createFoldersAs, 'fail').catch(async (error: unknown) => {
      const created = await ctx.drive.childByName(parent, segment);
      if (!created) throw error;
      return created;
    });
  }
  return current;
}

/** If-Match with the item's eTag (or `*`); a stale eTag is 412 resourceModified. */
function checkIfMatch(ex: Exchange, item: DriveItem): void {
  const header = ex.req.headers['if-match'];
  if (!header || header === '*') return;
  // Graph eTags contain a comma ("{GUID},3"), so the header is one tag, quoted or not.
  const given = `"${header.trim().replace(/^W\//, '').replace(/^"|"$/g, '')}"`;
  const current = [`"{${item.guid}},${item.version}"`, `"c:{${item.guid}},${item.contentVersion}"`];
  if (!current.includes(given)) throw graphErrors.resourceModified();
}

function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === null || value === undefined) return fallback;
  if (value === 'fail' || value === 'rename' || value === 'replace') return value;
  throw graphErrors.invalidRequest(
    `Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior; use fail, rename or replace.`,
  );
}

function identityOf(caller: GraphCaller): DriveIdentity {
  if (caller.kind === 'user') return { kind: 'user', id: caller.objectId, displayName: caller.displayName };
  const app = appRegistrations.find((a) => a.clientId === caller.appId);
  return { kind: 'application', id: caller.appId, displayName: app?.displayName ?? caller.appId };
}

function siteDrive(siteId: string): string {
  if (siteId !== 'root' && siteId !== sharePoint.siteId) throw graphErrors.itemNotFound('Requested site could not be found');
  return sharePoint.driveId;
}

async function readJsonObject(ex: Exchange): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await readJson(ex.req);
  } catch {
    throw graphErrors.invalidRequest('The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw graphErrors.invalidRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}
