import { caseGuard } from '../app/access/authorize';
import { defaultAccessSettings, resolveActor, type CaseAction } from '../domain/access';
import type { CaseState } from '../domain/cases';
import type { UserPrincipal } from '../domain/principal';

/**
 * The guard an endpoint would pass: the user's global roles and groups over the given case types (no
 * group grants in them, so only global roles and case-level grants count), default settings.
 */
export function guardFor(
  user: Pick<UserPrincipal, 'oid' | 'name' | 'roles' | 'groups'>,
  action: CaseAction,
  caseTypes: readonly string[] = ['storingsonderhoud-netwerk', 'subsidieaanvraag', 'omgevingsvergunning', 'klacht'],
): (state: CaseState) => void {
  const actor = resolveActor(
    { id: user.oid, name: user.name, roles: user.roles, groups: user.groups },
    caseTypes.map((key) => ({ key, confidentiality: 'intern' as const, access: [] })),
    defaultAccessSettings,
    '2026-03-10T10:00:00.000Z',
  );
  return caseGuard(actor, action);
}

/** An access resolver that makes every caller a handler of `caseTypeKey` (up to geheim): for use-case tests about other things. */
export const handlerAccess = (caseTypeKey: string) => ({
  actorFor: (user: Pick<UserPrincipal, 'oid' | 'name' | 'roles'>) =>
    Promise.resolve(
      resolveActor(
        { id: user.oid, name: user.name, roles: user.roles, groups: ['handlers'] },
        [
          {
            key: caseTypeKey,
            confidentiality: 'intern',
            access: [{ group: 'handlers', role: 'handler', maxConfidentiality: 'geheim' }],
          },
        ],
        defaultAccessSettings,
        '2026-03-10T10:00:00.000Z',
      ),
    ),
});
