import type { CaseType } from '../../contract/case-type';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';

/** Access roles that let a group's members start cases of a type. */
const startingRoles = new Set(['handler', 'coordinator']);

/**
 * The latest published version of each key that the user may start: administrators see all; others
 * see a type when one of their groups holds a handler or coordinator grant in its access list.
 */
export async function listCaseTypes(
  user: UserPrincipal,
  repository: Pick<CaseTypeRepository, 'listAllVersions'>,
): Promise<CaseType[]> {
  const latest = new Map<string, CaseType>();
  for (const version of await repository.listAllVersions()) {
    if (version.status !== 'published') continue;
    const best = latest.get(version.key);
    if (!best || version.version > best.version) latest.set(version.key, version);
  }
  const groups = new Set(user.groups);
  const mayStart = (type: CaseType) =>
    user.roles.includes('administrator') || type.access.some((grant) => groups.has(grant.group) && startingRoles.has(grant.role));
  return [...latest.values()].filter(mayStart);
}
