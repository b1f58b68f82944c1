import { demoTenant } from '../demo-tenant';
import type { M365Urls } from '../urls';
import type { DriveIdentity, DriveItem } from './drive-store';
import type { GraphContext } from './graph-context';

export interface DriveItemView {
  item: DriveItem;
  /** Path below the root, e.g. `/Zaken/Z-1/brief.pdf` ('' for the root). */
  path: string;
  parentName?: string;
  childCount?: number;
  downloadUrl?: string;
}

const { sharePoint } = demoTenant;

/** A driveItem as Graph returns it for a SharePoint document library. */
export function presentDriveItem(urls: M365Urls, view: DriveItemView): Record<string, unknown> {
  const { item } = view;
  const parentPath = view.path.slice(0, view.path.lastIndexOf('/'));
  const body: Record<string, unknown> = {
    createdDateTime: item.createdAt,
    eTag: `"{${item.guid}},${item.version}"`,
    id: item.id,
    lastModifiedDateTime: item.modifiedAt,
    name: item.name,
    webUrl: webUrlOf(urls, view.path),
    cTag: `"c:{${item.guid}},${item.contentVersion}"`,
    size: item.size,
    createdBy: identitySet(item.createdBy),
    lastModifiedBy: identitySet(item.modifiedBy),
    parentReference:
      item.kind === 'root'
        ? { driveType: 'documentLibrary', driveId: item.driveId }
        : {
            driveType: 'documentLibrary',
            driveId: item.driveId,
            id: item.parentId,
            ...(view.parentName !== undefined ? { name: view.parentName } : {}),
            path: `/drives/${item.driveId}/root:${parentPath}`,
            siteId: sharePoint.siteId,
          },
    fileSystemInfo: { createdDateTime: item.createdAt, lastModifiedDateTime: item.modifiedAt },
  };
  if (item.kind === 'file') {
    body.file = { mimeType: item.mimeType, hashes: { quickXorHash: item.quickXor, sha256Hash: item.sha256 } };
    if (view.downloadUrl) body['@microsoft.graph.downloadUrl'] = view.downloadUrl;
    // SharePoint's publication facet: `checkout` while someone has the file checked out.
    body.publication = { level: item.checkedOutBy ? 'checkout' : 'published', versionId: `${item.contentVersion}.0` };
  } else {
    body.folder = { childCount: view.childCount ?? 0 };
  }
  if (item.kind === 'root') body.root = {};
  return body;
}

/** The document's address in the (stand-in) SharePoint site. */
export function webUrlOf(urls: M365Urls, path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${urls.base}${sharePoint.sitePath}/${encodeURIComponent(sharePoint.driveName)}${encoded}`;
}

function identitySet(identity: DriveIdentity): Record<string, unknown> {
  return identity.kind === 'application'
    ? { application: { id: identity.id, displayName: identity.displayName } }
    : { user: { id: identity.id, displayName: identity.displayName } };
}

/** A driveItem as Graph returns it, with its path, parent name and child count or download URL. */
export async function viewOf(ctx: GraphContext, item: DriveItem): Promise<Record<string, unknown>> {
  const path = await ctx.drive.pathOf(item);
  const parent = item.parentId ? await ctx.drive.get(item.driveId, item.parentId) : undefined;
  return presentDriveItem(ctx.urls, {
    item,
    path,
    ...(parent ? { parentName: parent.kind === 'root' ? sharePoint.driveName : parent.name } : {}),
    ...(item.kind !== 'file'
      ? { childCount: (await ctx.drive.children(item)).length }
      : { downloadUrl: ctx.downloads.create(item.driveId, item.id) }),
  });
}
