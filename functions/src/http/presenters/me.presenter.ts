import type { MeView } from '../../app/me/get-me';
import type { Me } from '../../contract/me';

export function presentMe({ user, caseTypes }: MeView): Me {
  return {
    id: user.oid,
    name: user.name,
    upn: user.upn,
    email: user.email,
    tenantId: user.tid,
    roles: user.roles,
    groups: user.groups,
    ...(user.via ? { via: user.via } : {}),
    caseTypes,
  };
}
