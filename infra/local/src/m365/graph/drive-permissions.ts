import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { demoTenant } from '../demo-tenant';
import { readJson } from '../http/body';
import { sendEmpty } from '../http/respond';
import type { Exchange } from '../http/router';
import { isNotFound } from '../storage';
import type { DriveAddress } from './drive-address';
import type { DriveIdentity, DriveItem } from './drive-store';
import { graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';

/** A sharing permission on an item, as Graph's `permission` resource shows an invitation. */
export interface DrivePermission {
  id: string;
  roles: ('read' | 'write')[];
  email: string;
  displayName: string;
  /** A member of the tenant, or an external (guest) address. */
  internal: boolean;
  expirationDateTime: string | null;
  invitedBy: DriveIdentity;
}

/** Permissions in the drive table (`p_<itemId>_<id>` rows). */
export interface PermissionStore {
  add(item: DriveItem, permission: DrivePermission): Promise<void>;
  list(item: DriveItem): Promise<DrivePermission[]>;
  remove(item: DriveItem, id: string): Promise<boolean>;
}

export function createPermissionStore(table: TableClient): PermissionStore {
  const key = (itemId: string, id: string) => `p_${itemId}_${id}`;
  return {
    async add(item, permission) {
      await table.createEntity({
        partitionKey: item.driveId,
        rowKey: key(item.id, permission.id),
        permission: JSON.stringify(permission),
      });
    },
    async list(item) {
      const prefix = `p_${item.id}_`;
      const filter = `PartitionKey eq '${item.driveId.replace(/'/g, "''")}' and RowKey ge '${prefix}' and RowKey lt '${prefix}~'`;
      const found: DrivePermission[] = [];
      for await (const row of table.listEntities<{ permission: string }>({ queryOptions: { filter } }))
        found.push(JSON.parse(row.permission) as DrivePermission);
      return found;
    },
    async remove(item, id) {
      try {
        await table.deleteEntity(item.driveId, key(item.id, id));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
  };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `POST /invite`, `GET /permissions`, `DELETE /permissions/{id}`: sharing an item with named people. */
export async function handlePermissions(
  ctx: GraphContext,
  ex: Exchange,
  item: DriveItem,
  address: DriveAddress,
  by: DriveIdentity,
): Promise<void> {
  const method = ex.req.method ?? 'GET';
  const context = odataContext(ctx, `Collection(microsoft.graph.permission)`);
  if (address.target === 'invite' && method === 'POST') {
    const body = (await readJson(ex.req).catch(() => undefined)) as Record<string, unknown> | undefined;
    const recipients = Array.isArray(body?.recipients) ? (body.recipients as { email?: unknown }[]) : [];
    const roles = Array.isArray(body?.roles) ? body.roles : [];
    if (recipients.length === 0 || recipients.some((r) => typeof r.email !== 'string' || !emailPattern.test(r.email)))
      throw graphErrors.invalidRequest('Invalid recipients: every recipient needs a valid email.');
    if (roles.length !== 1 || (roles[0] !== 'read' && roles[0] !== 'write'))
      throw graphErrors.invalidRequest("roles must be ['read'] or ['write'].");
    const expiration = body?.expirationDateTime;
    if (expiration !== undefined && (typeof expiration !== 'string' || Number.isNaN(Date.parse(expiration))))
      throw graphErrors.invalidRequest('expirationDateTime is not a valid date and time.');
    const created: DrivePermission[] = [];
    for (const recipient of recipients) {
      const email = String(recipient.email).toLowerCase();
      const internal = email.endsWith(`@${demoTenant.domain}`);
      const user = internal ? await ctx.directory.findUser(email) : undefined;
      const permission: DrivePermission = {
        id: randomBytes(12).toString('hex'),
        roles: [roles[0] as 'read' | 'write'],
        email,
        displayName: user?.displayName ?? email,
        internal,
        expirationDateTime: typeof expiration === 'string' ? new Date(expiration).toISOString() : null,
        invitedBy: by,
      };
      await ctx.permissions.add(item, permission);
      created.push(permission);
    }
    return sendGraphJson(ex, 200, { '@odata.context': context, value: created.map(presentPermission) });
  }
  if (address.target === 'permissions' && method === 'GET') {
    return sendGraphJson(ex, 200, {
      '@odata.context': context,
      value: (await ctx.permissions.list(item)).map(presentPermission),
    });
  }
  if (address.target === 'permission' && method === 'DELETE') {
    if (!(await ctx.permissions.remove(item, address.permissionId ?? '')))
      throw graphErrors.itemNotFound('The permission does not exist.');
    return sendEmpty(ex.res, 204);
  }
  throw graphErrors.methodNotAllowed();
}

function presentPermission(permission: DrivePermission): Record<string, unknown> {
  const identity = { user: { email: permission.email, displayName: permission.displayName } };
  return {
    id: permission.id,
    roles: permission.roles,
    grantedToV2: identity,
    grantedToIdentitiesV2: [identity],
    ...(permission.internal ? {} : { invitation: { email: permission.email, signInRequired: true } }),
    ...(permission.expirationDateTime ? { expirationDateTime: permission.expirationDateTime } : {}),
  };
}
