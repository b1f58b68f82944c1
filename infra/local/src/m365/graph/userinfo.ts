import type { Exchange } from '../http/router';
import { pairwiseSubject } from '../tokens/claims';
import type { GraphCaller } from './caller';
import { graphErrors } from './errors';
import { sendGraphJson, type GraphContext } from './graph-context';

/** GET /graph/oidc/userinfo, the discovery document's userinfo_endpoint (Graph hosts it in Entra too). */
export async function getUserinfo(ctx: GraphContext, ex: Exchange, caller: GraphCaller): Promise<void> {
  if (caller.kind !== 'user') throw graphErrors.badRequest('userinfo needs a delegated (user) token.');
  const user = await ctx.directory.findUser(caller.objectId);
  if (!user) throw graphErrors.userNotFound(caller.objectId);
  sendGraphJson(ex, 200, {
    sub: pairwiseSubject(user.id, caller.appId),
    name: user.displayName,
    family_name: user.surname,
    given_name: user.givenName,
    email: user.mail,
  });
}
