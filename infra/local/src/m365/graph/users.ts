import type { DirectoryUser } from '../directory-store';
import type { Exchange } from '../http/router';
import { permissions, requirePermission, type GraphCaller, type PermissionRule } from './caller';
import { graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';
import { paginate, parseSelect, parseTop, project } from './odata';
import { defaultUserProperties, groupProperties, presentGroup, presentUser, selectableUserProperties } from './user.presenter';
import { matchesUserFilter, parseUserFilter } from './user-filter';

/** GET /me (delegated callers only). */
export async function getMe(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  const me = await signedInUser(ctx, caller);
  sendUser(ctx, ex, me);
}

/** GET /users/{id | userPrincipalName}. */
export async function getUser(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  const id = ex.params.id ?? '';
  const isSelf = caller.kind === 'user' && id.toLowerCase() === caller.objectId.toLowerCase();
  requirePermission(caller, isSelf ? permissions.readMe : permissions.readUsers);
  const user = await ctx.directory.findUser(id);
  if (!user) throw graphErrors.userNotFound(id);
  sendUser(ctx, ex, user);
}

/** GET /users with `$filter`, `$select`, `$top` and server-side paging. */
export async function listUsers(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readUsers);
  const query = ex.url.searchParams;
  for (const unsupported of ['$search', '$orderby', '$count', '$expand']) {
    if (query.has(unsupported))
      throw graphErrors.unsupportedQuery(
        `Unsupported Query: ${unsupported} needs advanced query capabilities, which this stand-in does not provide.`,
      );
  }
  const select = parseSelect(query.get('$select'), selectableUserProperties, 'microsoft.graph.user');
  const top = parseTop(query.get('$top'));
  const filterText = query.get('$filter');
  const filter = filterText ? parseUserFilter(filterText) : undefined;
  const users = (await ctx.directory.listUsers()).filter((u) => !filter || matchesUserFilter(filter, asRecord(u)));
  const { page, nextLink } = paginate(users, ex.url, ctx.urls.base, top);
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, select ? `users(${select.join(',')})` : 'users'),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: page.map((u) => project(presentUser(u), select ?? defaultUserProperties)),
  });
}

/** GET /users/{id}/memberOf, /me/memberOf (and transitiveMemberOf: groups here are not nested). */
export async function listMemberOf(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  if (ex.params.id) requirePermission(caller, permissions.readGroups);
  const user = ex.params.id
    ? await ctx.directory.findUser(ex.params.id)
    : await signedInUser(ctx, caller, permissions.readMyGroups);
  if (!user) throw graphErrors.userNotFound(ex.params.id ?? '');
  const select = parseSelect(ex.url.searchParams.get('$select'), groupProperties, 'microsoft.graph.directoryObject');
  const groups = await ctx.directory.groupsOf(user.id);
  const { page, nextLink } = paginate(groups, ex.url, ctx.urls.base, parseTop(ex.url.searchParams.get('$top')));
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, select ? `directoryObjects(${select.join(',')})` : 'directoryObjects'),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    // Graph keeps @odata.type on directory objects even with $select.
    value: page.map((g) => ({ '@odata.type': '#microsoft.graph.group', ...project(presentGroup(g), select) })),
  });
}

async function signedInUser(
  ctx: GraphContext,
  caller: GraphCaller,
  rule: PermissionRule = permissions.readMe,
): Promise<DirectoryUser> {
  if (caller.kind !== 'user') throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
  requirePermission(caller, rule);
  const me = await ctx.directory.findUser(caller.objectId);
  if (!me) throw graphErrors.userNotFound(caller.objectId);
  return me;
}

function sendUser(ctx: GraphContext, ex: Exchange, user: DirectoryUser): void {
  const select = parseSelect(ex.url.searchParams.get('$select'), selectableUserProperties, 'microsoft.graph.user');
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, select ? `users(${select.join(',')})/$entity` : 'users/$entity'),
    ...project(presentUser(user), select ?? defaultUserProperties),
  });
}

const asRecord = (user: DirectoryUser): Record<string, string> => ({ ...user });
