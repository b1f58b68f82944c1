import type { CaseType } from '../../contract/case-type';
import { defaultAccessSettings, resolveActor, type AccessSettings, type Actor, type CaseTypeAccess } from '../../domain/access';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Clock } from '../../ports/event-log';
import type { UserDirectory } from '../../ports/user-directory';

/** Turns the authenticated user into the actor the policy judges. */
export interface AccessResolver {
  actorFor(user: UserPrincipal): Promise<Actor>;
}

/** A changed group membership (looked up on an overage) takes effect within this time. */
const groupsTtlMs = 5 * 60_000;

/**
 * Resolves an actor per request. Access lists come from the newest published (or retired) version of
 * each case type: access is current policy, so revoking a group's grant also covers older cases. They
 * are derived per request from `listAllVersions`, which the composition root serves from the
 * repository's case-type cache (withCaseTypeCache: a few seconds, dropped on this instance's publish or
 * retire); the resolver keeps no copy of its own, so a changed grant is seen as soon as that cache sees it.
 * Groups come from the token's `groups` claim; only when Entra signals an overage (too many groups to
 * list) are they looked up in the directory (Graph, app-only), cached briefly per user.
 */
export function createAccessResolver(deps: {
  caseTypes: Pick<CaseTypeRepository, 'listAllVersions'>;
  userDirectory: UserDirectory;
  clock: Clock;
  settings?: AccessSettings;
}): AccessResolver {
  const settings = deps.settings ?? defaultAccessSettings;
  const groupsByUser = new Map<string, { loadedAt: number; value: Promise<string[]> }>();

  const groupsOf = (user: UserPrincipal, now: number): Promise<string[]> => {
    if (!user.groupsOverage) return Promise.resolve(user.groups);
    const cached = groupsByUser.get(user.oid);
    if (cached && now - cached.loadedAt <= groupsTtlMs) return cached.value;
    const entry = { loadedAt: now, value: deps.userDirectory.findUser(user.oid).then((found) => found?.groupIds ?? []) };
    groupsByUser.set(user.oid, entry);
    entry.value.catch(() => groupsByUser.delete(user.oid));
    return entry.value;
  };

  return {
    async actorFor(user) {
      const at = deps.clock.now();
      const [versions, groups] = await Promise.all([deps.caseTypes.listAllVersions(), groupsOf(user, at.getTime())]);
      const lists = currentAccessLists(versions);
      return resolveActor({ id: user.oid, name: user.name, roles: user.roles, groups }, lists, settings, at.toISOString());
    },
  };
}

/** Per key, the access list of the highest version that is not a draft. */
export function currentAccessLists(versions: readonly CaseType[]): CaseTypeAccess[] {
  const latest = new Map<string, CaseType>();
  for (const version of versions) {
    if (version.status === 'draft') continue;
    const best = latest.get(version.key);
    if (!best || version.version > best.version) latest.set(version.key, version);
  }
  return [...latest.values()].map((type) => ({ key: type.key, confidentiality: type.confidentiality, access: type.access }));
}
