import type { CaseType } from '../../contract/case-type';
import { can, defaultAccessSettings, resolveActor, type AccessSettings } from '../../domain/access';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import { currentAccessLists } from '../access/access-resolver';

/**
 * The latest published version of each key that the user may start (the access policy's
 * `caseType.register`); administrators see all, as they manage them.
 */
export async function listCaseTypes(
  user: UserPrincipal,
  repository: Pick<CaseTypeRepository, 'listAllVersions'>,
  settings: AccessSettings = defaultAccessSettings,
): Promise<CaseType[]> {
  const latest = new Map<string, CaseType>();
  for (const version of await repository.listAllVersions()) {
    if (version.status !== 'published') continue;
    const best = latest.get(version.key);
    if (!best || version.version > best.version) latest.set(version.key, version);
  }
  const actor = resolveActor(
    { id: user.oid, name: user.name, roles: user.roles, groups: user.groups },
    currentAccessLists([...latest.values()]),
    settings,
    '',
  );
  const mayStart = (type: CaseType) =>
    user.roles.includes('administrator') || can(actor, 'caseType.register', { kind: 'caseType', caseType: type });
  return [...latest.values()].filter(mayStart);
}
