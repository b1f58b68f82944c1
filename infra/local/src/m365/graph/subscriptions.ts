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
  /** Where lifecycle notifications go (set only at creation, as in Graph); null when none was given. */
  lifecycleNotificationUrl?: string | null;
  clientState: string | null;
  expirationDateTime: string;
  applicationId: string;
  /** After a reauthorizationRequired event: change notifications pause until POST …/reauthorize or a PATCH. */
  reauthorizationRequired?: boolean;
}

/** The lifecycle events Graph sends to a subscription's lifecycleNotificationUrl. */
export const lifecycleEvents = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

/**
 * Graph change notifications for the drive, as Zaakwerk uses them: subscriptions on the root of the drive
 * (`changeType: updated`, the only one OneDrive supports), created only after the notification URL passed
 * the validation handshake (POST `?validationToken=…`, answered 200 text/plain with exactly that token
 * within 10 s), renewed with PATCH, removed with DELETE; after each change in the drive every live
 * subscription gets a `changeNotificationCollection` POSTed to its URL. A `lifecycleNotificationUrl` is
 * validated the same way (its own handshake); `lifecycle()` (a local control, /_local) sends it a lifecycle
 * event: reauthorizationRequired pauses change notifications until POST /subscriptions/{id}/reauthorize or a
 * PATCH; subscriptionRemoved deletes the subscription first. Local deviation: http is accepted for localhost
 * URLs (the local API serves http); Graph requires https.
 */
export interface SubscriptionService {
  handle(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void>;
  /** Something in the drive changed: notify its subscribers (soon, once per burst of changes). */
  changed(driveId: string): void;
  /**
   * Sends a lifecycle notification for the subscription to its lifecycleNotificationUrl (after pausing or
   * removing it, as the event says) and gives the receiver's HTTP status; 'unknown' without such a
   * subscription, 'no-lifecycle-url' when it was created without one.
   */
  lifecycle(id: string, event: LifecycleEvent): Promise<number | 'unknown' | 'no-lifecycle-url'>;
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
      if (subscription.reauthorizationRequired) {
        log?.(`graph: subscription ${subscription.id} awaits reauthorization; change notification held back`);
        continue;
      }
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
    async lifecycle(id, event) {
      const subscription = await read(id);
      if (!subscription) return 'unknown';
      if (!subscription.lifecycleNotificationUrl) return 'no-lifecycle-url';
      if (event === 'subscriptionRemoved') await table.deleteEntity(partition, id);
      if (event === 'reauthorizationRequired') await write({ ...subscription, reauthorizationRequired: true });
      const body = {
        value: [
          {
            lifecycleEvent: event,
            subscriptionId: subscription.id,
            subscriptionExpirationDateTime: subscription.expirationDateTime,
            clientState: subscription.clientState,
            tenantId: demoTenant.tenantId,
          },
        ],
      };
      const response = await fetch(subscription.lifecycleNotificationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      await response.body?.cancel();
      log?.(`graph: lifecycle ${event} to ${subscription.lifecycleNotificationUrl} → ${response.status}`);
      return response.status;
    },
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
      if (ex.params.action !== undefined) {
        if (ex.params.action !== 'reauthorize') throw graphErrors.segmentNotFound(ex.params.action);
        const { reauthorizationRequired: _paused, ...reauthorized } = subscription;
        await write(reauthorized);
        return sendEmpty(ex.res, 204);
      }
      if (method === 'GET') return sendGraphJson(ex, 200, subscription);
      if (method === 'DELETE') {
        await table.deleteEntity(partition, id);
        return sendEmpty(ex.res, 204);
      }
      if (method === 'PATCH') {
        const body = await readObject(ex);
        const { reauthorizationRequired: _paused, ...current } = subscription;
        const renewed = { ...current, expirationDateTime: expiry(body.expirationDateTime) };
        await write(renewed);
        return sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, 'subscriptions/$entity'), ...renewed });
      }
      throw graphErrors.methodNotAllowed();
    },
  };
}

async function create(ex: Exchange, caller: GraphCaller): Promise<Subscription> {
  const body = await readObject(ex);
  const { changeType, notificationUrl, lifecycleNotificationUrl, resource, clientState } = body;
  if (changeType !== 'updated') throw graphErrors.badRequest("A drive supports only changeType 'updated'.");
  const match = typeof resource === 'string' ? /^\/?(?:drives\/([^/]+)|me\/drive)\/root$/.exec(resource) : null;
  const driveId = match?.[1] ?? demoTenant.sharePoint.driveId;
  if (!match || driveId !== demoTenant.sharePoint.driveId)
    throw graphErrors.badRequest('Subscriptions are supported on the root of a drive only (drives/{id}/root).');
  if (clientState !== undefined && (typeof clientState !== 'string' || clientState.length > 128))
    throw graphErrors.badRequest('clientState must be a string of at most 128 characters.');
  if (typeof notificationUrl !== 'string') throw graphErrors.badRequest('notificationUrl is required.');
  const url = webhookUrl(notificationUrl, 'notificationUrl');
  const lifecycleUrl =
    lifecycleNotificationUrl === undefined || lifecycleNotificationUrl === null
      ? null
      : webhookUrl(lifecycleNotificationUrl, 'lifecycleNotificationUrl');
  const expirationDateTime = expiry(body.expirationDateTime);
  await validate(url);
  if (lifecycleUrl) await validate(lifecycleUrl);
  return {
    id: randomUUID(),
    driveId,
    resource: resource as string,
    changeType,
    notificationUrl,
    lifecycleNotificationUrl: lifecycleUrl ? (lifecycleNotificationUrl as string) : null,
    clientState: (clientState as string | undefined) ?? null,
    expirationDateTime,
    applicationId: caller.kind === 'app' ? caller.appId : '',
  };
}

/** A webhook address Graph accepts: an absolute https URL (http only on this machine, a local deviation). */
function webhookUrl(value: unknown, name: string): URL {
  if (typeof value !== 'string') throw graphErrors.badRequest(`${name} must be a string.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw graphErrors.badRequest(`${name} is not a URL.`);
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw graphErrors.badRequest(`The ${name} must use https.`);
  return url;
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
