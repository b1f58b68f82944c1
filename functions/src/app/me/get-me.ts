import type { CaseTypeRef } from '../../contract/me';
import type { UserPrincipal } from '../../domain/principal';

export interface MeView {
  user: UserPrincipal;
  caseTypes: CaseTypeRef[];
}

/** Who the caller is and what they may start. */
export async function getMe(user: UserPrincipal): Promise<MeView> {
  // Case types do not exist yet (issue 3); then this lists the published types the user may start.
  return { user, caseTypes: [] };
}
