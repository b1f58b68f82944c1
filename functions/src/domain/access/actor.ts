import type { Confidentiality } from '../confidentiality';
import { globalRoles, type GlobalRole } from '../roles';
import type { AccessSettings, CaseTypeRole } from './access-settings';

/** One grant on a case type, from a group in its access list or from a global role. */
export interface CaseTypeGrant {
  caseType: string;
  role: CaseTypeRole;
  maxConfidentiality: Confidentiality;
  from: { group: string } | { globalRole: GlobalRole };
}

/** A case type's key, default confidentiality and access list: all the policy needs of it. */
export interface CaseTypeAccess {
  key: string;
  confidentiality: Confidentiality;
  access: readonly { group: string; role: CaseTypeRole; maxConfidentiality: Confidentiality }[];
}

/**
 * Who asks, with everything resolved about them that the policy needs: global roles, groups and the
 * grants these give per case type, plus the instant of the request (shares expire).
 */
export interface Actor {
  id: string;
  name: string;
  roles: readonly GlobalRole[];
  groups: readonly string[];
  grants: readonly CaseTypeGrant[];
  settings: AccessSettings;
  /** ISO instant the request is judged at. */
  at: string;
}

/** The actor for a user: their groups matched against each case type's access list, plus global roles. */
export function resolveActor(
  user: { id: string; name: string; roles: readonly GlobalRole[]; groups: readonly string[] },
  caseTypes: readonly CaseTypeAccess[],
  settings: AccessSettings,
  at: string,
): Actor {
  const groups = new Set(user.groups);
  const grants: CaseTypeGrant[] = [];
  for (const type of caseTypes) {
    for (const grant of type.access) {
      if (groups.has(grant.group)) {
        grants.push({
          caseType: type.key,
          role: grant.role,
          maxConfidentiality: grant.maxConfidentiality,
          from: { group: grant.group },
        });
      }
    }
    for (const role of globalRoles) {
      const access = settings.globalRoles[role];
      if (user.roles.includes(role) && access.caseRole) {
        grants.push({
          caseType: type.key,
          role: access.caseRole,
          maxConfidentiality: access.maxConfidentiality,
          from: { globalRole: role },
        });
      }
    }
  }
  return { id: user.id, name: user.name, roles: [...user.roles], groups: [...user.groups], grants, settings, at };
}
