import { readJson } from './http/body';
import { sendEmpty, sendJson } from './http/respond';
import type { Exchange } from './http/router';
import { parseFaultRequest, type FaultInjector } from './faults';
import { lifecycleEvents, type LifecycleEvent, type SubscriptionService } from './graph/subscriptions';
import { isNotFound, type M365Storage } from './storage';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** /_local/*: test and dev-stack controls, answered only to callers on this machine. */
export function createLocalRoutes(
  storage: M365Storage,
  faults: FaultInjector,
  prepareStorage: () => Promise<void>,
  subscriptions?: SubscriptionService,
): (ex: Exchange) => Promise<void> {
  /** Storage answers; when it answers "not found" (emptied), tables and seed data are recreated first. */
  const checkStorage = async (): Promise<void> => {
    try {
      await storage.ping();
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await prepareStorage();
      await storage.ping();
    }
  };
  return async (ex) => {
    if (!loopback.has(ex.req.socket.remoteAddress ?? ''))
      return sendJson(ex.res, 403, { error: 'forbidden', message: '/_local is only available from this machine.' });
    const route = `${ex.req.method} ${ex.url.pathname}`;
    // POST /_local/graph/subscriptions/{id}/lifecycle {"lifecycleEvent": …}: Graph sends a lifecycle notification.
    const lifecycle = /^POST \/_local\/graph\/subscriptions\/([^/]+)\/lifecycle$/.exec(route);
    if (lifecycle && subscriptions) {
      let body: unknown;
      try {
        body = await readJson(ex.req);
      } catch {
        return sendJson(ex.res, 400, { error: 'invalid_request', message: 'The body is not valid JSON.' });
      }
      const event = (body as { lifecycleEvent?: unknown } | null)?.lifecycleEvent;
      if (!lifecycleEvents.includes(event as LifecycleEvent))
        return sendJson(ex.res, 400, {
          error: 'invalid_request',
          message: `lifecycleEvent must be one of ${lifecycleEvents.join(', ')}.`,
        });
      const sent = await subscriptions.lifecycle(decodeURIComponent(lifecycle[1] ?? ''), event as LifecycleEvent);
      if (sent === 'unknown') return sendJson(ex.res, 404, { error: 'not_found', message: 'No such subscription.' });
      if (sent === 'no-lifecycle-url')
        return sendJson(ex.res, 409, { error: 'conflict', message: 'The subscription has no lifecycleNotificationUrl.' });
      return sendJson(ex.res, 200, { lifecycleEvent: event, receiverStatus: sent });
    }
    switch (route) {
      case 'GET /_local/health':
        try {
          await checkStorage();
          return sendJson(ex.res, 200, { status: 'healthy', storage: 'up' });
        } catch (error) {
          return sendJson(ex.res, 503, { status: 'unhealthy', storage: 'down', detail: (error as Error).message });
        }
      case 'GET /_local/faults':
        return sendJson(ex.res, 200, { faults: faults.list() });
      case 'POST /_local/faults': {
        let body: unknown;
        try {
          body = await readJson(ex.req);
        } catch {
          return sendJson(ex.res, 400, { error: 'invalid_request', message: 'The body is not valid JSON.' });
        }
        const rule = parseFaultRequest(body);
        if (typeof rule === 'string') return sendJson(ex.res, 400, { error: 'invalid_request', message: rule });
        faults.add(rule);
        return sendJson(ex.res, 201, { fault: rule });
      }
      case 'DELETE /_local/faults':
        faults.clear();
        return sendEmpty(ex.res, 204);
      default:
        return sendJson(ex.res, 404, { error: 'not_found', message: `No local control at ${route}.` });
    }
  };
}
