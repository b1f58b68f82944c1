import type { CaseTypeRef } from '../../contract/me';
import type { AccessSettings } from '../../domain/access';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import { listCaseTypes } from '../case-types/list-case-types';

export interface MeView {
  user: UserPrincipal;
  caseTypes: CaseTypeRef[];
}

/** Who the caller is and which case types (latest published version) they may start. */
export async function getMe(
  user: UserPrincipal,
  caseTypes: Pick<CaseTypeRepository, 'listAllVersions'>,
  settings?: AccessSettings,
): Promise<MeView> {
  const startable = await listCaseTypes(user, caseTypes, settings);
  return {
    user,
    caseTypes: startable
      .map((type) => ({ key: type.key, version: type.version, name: type.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
  };
}
