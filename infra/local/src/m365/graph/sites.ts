import { demoTenant } from '../demo-tenant';
import type { Exchange } from '../http/router';
import { permissions, requirePermission, type GraphCaller } from './caller';
import { graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';
import { webUrlOf } from './drive-item.presenter';

const { sharePoint } = demoTenant;

/** GET /sites/root and /sites/{siteId}: the one site of the demo tenant. */
export async function getSite(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readFiles, graphErrors.accessDenied);
  requireSite(ex.params.siteId);
  sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, 'sites/$entity'), ...presentSite(ctx) });
}

/** GET /sites/{siteId}/drives: its document libraries (one). */
export async function listSiteDrives(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readFiles, graphErrors.accessDenied);
  requireSite(ex.params.siteId);
  sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, 'drives'), value: [presentDrive(ctx)] });
}

/** GET /drives/{driveId} and /sites/{siteId}/drive. */
export async function getDrive(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readFiles, graphErrors.accessDenied);
  if (ex.params.siteId) requireSite(ex.params.siteId);
  else if (ex.params.driveId !== sharePoint.driveId) throw graphErrors.itemNotFound('The drive could not be found.');
  sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, 'drives/$entity'), ...presentDrive(ctx) });
}

function requireSite(siteId: string | undefined): void {
  if (siteId !== undefined && siteId !== 'root' && siteId !== sharePoint.siteId)
    throw graphErrors.itemNotFound('Requested site could not be found');
}

function presentSite(ctx: GraphContext): Record<string, unknown> {
  return {
    id: sharePoint.siteId,
    name: sharePoint.sitePath.split('/').pop(),
    displayName: sharePoint.siteDisplayName,
    webUrl: `${ctx.urls.base}${sharePoint.sitePath}`,
    createdDateTime: '2024-01-01T00:00:00Z',
    lastModifiedDateTime: '2024-01-01T00:00:00Z',
    siteCollection: { hostname: new URL(ctx.urls.base).hostname },
    root: {},
  };
}

function presentDrive(ctx: GraphContext): Record<string, unknown> {
  return {
    id: sharePoint.driveId,
    driveType: 'documentLibrary',
    name: sharePoint.driveName,
    description: '',
    webUrl: webUrlOf(ctx.urls, ''),
    createdDateTime: '2024-01-01T00:00:00Z',
    lastModifiedDateTime: '2024-01-01T00:00:00Z',
    createdBy: { user: { displayName: 'System Account' } },
    owner: { group: { displayName: `${sharePoint.siteDisplayName} Owners` } },
  };
}
