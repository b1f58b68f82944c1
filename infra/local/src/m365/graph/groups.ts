import type { Exchange } from '../http/router';
import { permissions, requirePermission, type GraphCaller } from './caller';
import { graphErrors } from './errors';
import { odataContext, sendGraphJson, type GraphContext } from './graph-context';
import { paginate, parseTop, project } from './odata';
import { defaultUserProperties, presentGroup, presentUser } from './user.presenter';

/** GET /groups/{id}. */
export async function getGroup(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readGroups);
  const group = await ctx.directory.getGroup(ex.params.id ?? '');
  if (!group) throw graphErrors.userNotFound(ex.params.id ?? '');
  sendGraphJson(ex, 200, { '@odata.context': odataContext(ctx, 'groups/$entity'), ...presentGroup(group) });
}

/** GET /groups/{id}/members (and transitiveMembers), users only, paged with `$top`. */
export async function listGroupMembers(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  requirePermission(caller, permissions.readGroups);
  const group = await ctx.directory.getGroup(ex.params.id ?? '');
  if (!group) throw graphErrors.userNotFound(ex.params.id ?? '');
  const members = await ctx.directory.membersOf(group.id);
  const { page, nextLink } = paginate(members, ex.url, ctx.urls.base, parseTop(ex.url.searchParams.get('$top')));
  sendGraphJson(ex, 200, {
    '@odata.context': odataContext(ctx, 'directoryObjects'),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value: page.map((u) => ({ '@odata.type': '#microsoft.graph.user', ...project(presentUser(u), defaultUserProperties) })),
  });
}
