import { randomBytes, randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { demoTenant } from '../demo-tenant';
import { readJson } from '../http/body';
import { sendEmpty } from '../http/respond';
import type { Exchange } from '../http/router';
import { isNotFound } from '../storage';
import { permissions, requirePermission, type GraphCaller } from './caller';
import { GraphError, graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';

const partition = 'subscriptions';
/** Graph's longest lifetime for a driveItem subscription (42,300 minutes, just under 30 days). */
const maxLifetimeMs = 42_300 * 60_000;
/** Graph waits about 10 seconds for the validation answer. */
const validationTimeoutMs = 10_000;

export interface Subscription {
  id: string;
  driveId: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  clientState: string | null;
  expirationDateTime: string;
  applicationId: string;
}

/**
 * Graph change notifications for the drive, as Zaakwerk uses them: subscriptions on the root of the drive
 * (`changeType: updated`, the only one OneDrive supports), created only after the notification URL passed
 * the validation handshake (POST `?validationToken=…`, answered 200 text/plain with exactly that token
 * within 10 s), renewed with PATCH, removed with DELETE; after each change in the drive every live
 * subscription gets a `changeNotificationCollection` POSTed to its URL. Local deviation: http is accepted
 * for localhost notification URLs (the local API serves http); Graph requires https.
 */
export interface SubscriptionService {
  handle(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void>;
  /** Something in the drive changed: notify its subscribers (soon, once per burst of changes). */
  changed(driveId: string): void;
}

export function createSubscriptionService(table: TableClient, log?: (line: string) => void): SubscriptionService {
  const read = async (id: string): Promise<Subscription | undefined> => {
    try {
      const row = await table.getEntity<Record<string, unknown>>(partition, id);
      return JSON.parse(String(row.subscription)) as Subscription;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };
  const write = (subscription: Subscription) =>
    table.upsertEntity(
      { partitionKey: partition, rowKey: subscription.id, subscription: JSON.stringify(subscription) },
      'Replace',
    );
  const all = async (): Promise<Subscription[]> => {
    const found: Subscription[] = [];
    for await (const row of table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: `PartitionKey eq '${partition}'` },
    }))
      found.push(JSON.parse(String(row.subscription)) as Subscription);
    return found;
  };

  const pending = new Map<string, NodeJS.Timeout>();
  const deliver = async (driveId: string): Promise<void> => {
    const now = Date.now();
    for (const subscription of await all()) {
      if (subscription.driveId !== driveId || Date.parse(subscription.expirationDateTime) <= now) continue;
      const body = {
        value: [
          {
            subscriptionId: subscription.id,
            subscriptionExpirationDateTime: subscription.expirationDateTime,
            changeType: 'updated',
            resource: subscription.resource,
            clientState: subscription.clientState,
            tenantId: demoTenant.tenantId,
          },
        ],
      };
      await fetch(subscription.notificationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(validationTimeoutMs),
      })
        .then((response) => {
          log?.(`graph: notified ${subscription.notificationUrl} → ${response.status}`);
          return response.body?.cancel();
        })
        .catch((error: unknown) => log?.(`graph: notification to ${subscription.notificationUrl} failed: ${String(error)}`));
    }
  };

  return {
    changed(driveId) {
      if (pending.has(driveId)) return;
      pending.set(
        driveId,
        setTimeout(() => {
          pending.delete(driveId);
          deliver(driveId).catch((error: unknown) => log?.(`graph: delivering notifications failed: ${String(error)}`));
        }, 200).unref(),
      );
    },
    async handle(ctx, ex, caller) {
      requirePermission(caller, permissions.readFiles, graphErrors.accessDenied);
      const method = ex.req.method ?? 'GET';
      const id = ex.params.id;
      if (id === undefined) {
        if (method === 'GET')
          return sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, 'subscriptions'), value: await all() });
        const created = await create(ex, caller);
        await write(created);
        return sendGraphJson(ex, 201, { '@odata.context': odataContext(ctx, 'subscriptions/$entity'), ...created });
      }
      const subscription = await read(id);
      if (!subscription) throw graphErrors.itemNotFound(`The object was not found: subscription ${id}`);
      if (method === 'GET') return sendGraphJson(ex, 200, subscription);
      if (method === 'DELETE') {
        await table.deleteEntity(partition, id);
        return sendEmpty(ex.res, 204);
      }
      if (method === 'PATCH') {
        const body = await readObject(ex);
        const renewed = { ...subscription, expirationDateTime: expiry(body.expirationDateTime) };
        await write(renewed);
        return sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, 'subscriptions/$entity'), ...renewed });
      }
      throw graphErrors.methodNotAllowed();
    },
  };
}

async function create(ex: Exchange, caller: GraphCaller): Promise<Subscription> {
  const body = await readObject(ex);
  const { changeType, notificationUrl, resource, clientState } = body;
  if (changeType !== 'updated') throw graphErrors.badRequest("A drive supports only changeType 'updated'.");
  const match = typeof resource === 'string' ? /^\/?(?:drives\/([^/]+)|me\/drive)\/root$/.exec(resource) : null;
  const driveId = match?.[1] ?? demoTenant.sharePoint.driveId;
  if (!match || driveId !== demoTenant.sharePoint.driveId)
    throw graphErrors.badRequest('Subscriptions are supported on the root of a drive only (drives/{id}/root).');
  if (clientState !== undefined && (typeof clientState !== 'string' || clientState.length > 128))
    throw graphErrors.badRequest('clientState must be a string of at most 128 characters.');
  if (typeof notificationUrl !== 'string') throw graphErrors.badRequest('notificationUrl is required.');
  let url: URL;
  try {
    url = new URL(notificationUrl);
  } catch {
    throw graphErrors.badRequest('notificationUrl is not a URL.');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw graphErrors.badRequest('The notificationUrl must use https.');
  const expirationDateTime = expiry(body.expirationDateTime);
  await validate(url);
  return {
    id: randomUUID(),
    driveId,
    resource: resource as string,
    changeType,
    notificationUrl,
    clientState: (clientState as string | undefined) ?? null,
    expirationDateTime,
    applicationId: caller.kind === 'app' ? caller.appId : '',
  };
}

/** Graph's handshake: POST ?validationToken=…; the answer must be 200 with exactly that token, in time. */
async function validate(url: URL): Promise<void> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomBytes(8).toString('hex')}`;
  const target = new URL(url);
  target.searchParams.set('validationToken', token);
  let answer: string | undefined;
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(validationTimeoutMs),
    });
    answer = response.ok ? await response.text() : undefined;
  } catch {
    answer = undefined;
  }
  if (answer !== token)
    throw new GraphError(
      400,
      'ValidationError',
      'Subscription validation request failed. Response must exactly match validationToken query parameter.',
    );
}

function expiry(value: unknown): string {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw graphErrors.badRequest('expirationDateTime is required and must be a date-time.');
  const now = Date.now();
  if (time <= now) throw graphErrors.badRequest('Subscription expiration can only be in the future.');
  if (time - now > maxLifetimeMs)
    throw graphErrors.badRequest('Subscription expiration exceeds the maximum allowed for this resource (42300 minutes).');
  return new Date(time).toISOString();
}

async function readObject(ex: Exchange): Promise<Record<string, unknown>> {
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
