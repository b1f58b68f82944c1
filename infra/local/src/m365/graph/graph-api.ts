import type { FaultInjector } from '../faults';
import { answerPreflight, applyCors } from '../http/cors';
import { createRouter, type Exchange } from '../http/router';
import { authenticateGraphCaller } from './caller';
import { handleDriveItems } from './drive-items';
import { GraphError, graphErrorBody, graphErrors } from './errors';
import { sendGraphJson, type GraphContext, type GraphHandler } from './graph-context';
import { getGroup, listGroupMembers } from './groups';
import { getServicePrincipal, listAppRoleAssignedTo } from './service-principals';
import { getDrive, getSite, listSiteDrives } from './sites';
import { getUserinfo } from './userinfo';
import { getMe, getUser, listMemberOf, listUsers } from './users';

const itemMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The Graph subset under /graph: every request may first be failed by an injected fault, then must carry
 * a valid Graph token; errors get Graph's body and status.
 */
export function createGraphApi(
  ctx: GraphContext,
  faults: FaultInjector,
  log?: (line: string) => void,
): (ex: Exchange) => Promise<void> {
  const router = createRouter<GraphHandler>();
  const route = (methods: string | string[], path: string, handler: GraphHandler): void => {
    router.on(methods, path, handler);
  };
  route('GET', '/graph/v1.0/me', getMe);
  route('GET', '/graph/v1.0/me/memberOf', listMemberOf);
  route('GET', '/graph/v1.0/me/transitiveMemberOf', listMemberOf);
  route('GET', '/graph/v1.0/users', listUsers);
  route('GET', '/graph/v1.0/users/{id}', getUser);
  route('GET', '/graph/v1.0/users/{id}/memberOf', listMemberOf);
  route('GET', '/graph/v1.0/users/{id}/transitiveMemberOf', listMemberOf);
  route('GET', '/graph/v1.0/groups/{id}', getGroup);
  route('GET', '/graph/v1.0/groups/{id}/members', listGroupMembers);
  route('GET', '/graph/v1.0/groups/{id}/transitiveMembers', listGroupMembers);
  route('GET', '/graph/v1.0/sites/{siteId}', getSite);
  route('GET', '/graph/v1.0/sites/{siteId}/drives', listSiteDrives);
  route('GET', '/graph/v1.0/sites/{siteId}/drive', getDrive);
  route(itemMethods, '/graph/v1.0/sites/{siteId}/drive/{*rest}', handleDriveItems);
  route('GET', '/graph/v1.0/drives/{driveId}', getDrive);
  route(itemMethods, '/graph/v1.0/drives/{driveId}/{*rest}', handleDriveItems);
  route(['GET', 'POST'], '/graph/v1.0/subscriptions', (c, ex, caller) => c.subscriptions.handle(c, ex, caller));
  route(['GET', 'PATCH', 'DELETE'], '/graph/v1.0/subscriptions/{id}', (c, ex, caller) => c.subscriptions.handle(c, ex, caller));
  route(['POST'], '/graph/v1.0/subscriptions/{id}/{action}', (c, ex, caller) => c.subscriptions.handle(c, ex, caller));
  route('GET', "/graph/v1.0/servicePrincipals(appId='{appId}')", getServicePrincipal);
  route('GET', '/graph/v1.0/servicePrincipals/{id}', getServicePrincipal);
  route('GET', '/graph/v1.0/servicePrincipals/{id}/appRoleAssignedTo', listAppRoleAssignedTo);
  route('GET', '/graph/oidc/userinfo', getUserinfo);

  return async (ex) => {
    applyCors(ex.req, ex.res);
    if (ex.req.method === 'OPTIONS') return answerPreflight(ex.req, ex.res, 'GET, POST, PUT, PATCH, DELETE');
    try {
      const fault = faults.take(ex.url.pathname);
      if (fault) throw faultError(fault.status, fault.retryAfterSeconds);
      // OData key syntax (`servicePrincipals(appId='…')`) may arrive percent-encoded.
      const pathname = ex.url.pathname.replace(/%27/gi, "'").replace(/%28/gi, '(').replace(/%29/gi, ')');
      const match = router.match(ex.req.method ?? 'GET', pathname);
      if (match.kind === 'not-found') throw graphErrors.segmentNotFound(ex.url.pathname.split('/').filter(Boolean).pop() ?? '');
      if (match.kind === 'method-not-allowed') throw graphErrors.methodNotAllowed();
      const caller = await authenticateGraphCaller(ex.req, ctx.tokens, ctx.urls.authorize);
      await match.handler(ctx, { ...ex, params: match.params }, caller);
    } catch (error) {
      if (ex.res.headersSent) throw error;
      const graphError =
        error instanceof GraphError
          ? error
          : new GraphError(500, 'generalException', 'An unexpected error occurred in the local Graph stand-in.');
      if (!(error instanceof GraphError)) log?.(`graph: ${(error as Error).stack ?? String(error)}`);
      const ids = { requestId: ex.requestId, clientRequestId: String(ex.res.getHeader('client-request-id') ?? ex.requestId) };
      sendGraphJson(ex, graphError.status, graphErrorBody(graphError, ids), graphError.headers);
    }
  };
}

function faultError(status: 429 | 503, retryAfterSeconds: number): GraphError {
  const headers = { 'Retry-After': String(retryAfterSeconds) };
  return status === 429
    ? new GraphError(429, 'TooManyRequests', `Too many requests. Retry after ${retryAfterSeconds} seconds.`, headers)
    : new GraphError(
        503,
        'serviceNotAvailable',
        `The service is temporarily unavailable. Retry after ${retryAfterSeconds} seconds.`,
        headers,
      );
}
