import type { CaseType } from '../../contract/case-type';
import { can, caseTypeRoleActions, type AccessSettings, type Actor, type CaseAction } from '../../domain/access';
import type { Confidentiality } from '../../domain/confidentiality';
import { globalRoles, type GlobalRole } from '../../domain/roles';
import type { CaseTypeRepository } from '../../ports/case-types';
import { notAllowed } from './authorize';

export interface AccessOverview {
  globalRoles: {
    role: GlobalRole;
    caseRole: string | null;
    maxConfidentiality: Confidentiality;
    register: boolean;
    readAccessLog: boolean;
  }[];
  caseGrantMaxConfidentiality: Confidentiality;
  caseTypes: {
    key: string;
    name: string;
    version: number;
    confidentiality: Confidentiality;
    grants: { group: string; role: string; maxConfidentiality: Confidentiality; actions: CaseAction[] }[];
  }[];
}

/**
 * Who has which rights where (issue 6 item 2), for administrators and auditors: the global roles as
 * configured, and per case type (its current access list) which group holds which role up to which level.
 */
export async function getAccessOverview(
  deps: { caseTypes: Pick<CaseTypeRepository, 'listAllVersions'> },
  actor: Actor,
): Promise<AccessOverview> {
  if (!can(actor, 'admin.accessOverview', { kind: 'system' })) throw notAllowed();
  const settings: AccessSettings = actor.settings;
  const latest = new Map<string, CaseType>();
  for (const version of await deps.caseTypes.listAllVersions()) {
    if (version.status === 'draft') continue;
    const best = latest.get(version.key);
    if (!best || version.version > best.version) latest.set(version.key, version);
  }
  return {
    globalRoles: globalRoles.map((role) => ({ role, ...settings.globalRoles[role] })),
    caseGrantMaxConfidentiality: settings.caseGrantMaxConfidentiality,
    caseTypes: [...latest.values()]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((type) => ({
        key: type.key,
        name: type.name,
        version: type.version,
        confidentiality: type.confidentiality,
        grants: type.access.map((grant) => ({ ...grant, actions: [...caseTypeRoleActions[grant.role]] })),
      })),
  };
}
