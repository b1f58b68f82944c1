import type { UserPrincipal } from '../principal';
import type { CaseState } from './case-state';

/** What a user may do with a case now (API.md `abilities`). */
export interface CaseAbilities {
  update: boolean;
  assign: boolean;
  take: boolean;
  release: boolean;
  suspend: boolean;
  extend: boolean;
  close: boolean;
  reopen: boolean;
}

/**
 * A first, deliberately coarse policy from global roles and the assignment only: coordinators and
 * administrators manage any case, the assignee works on their own case, anyone may take an unassigned
 * open case. Per-type access grants and confidentiality refine this in issue 6; the actions behind
 * most abilities arrive with the lifecycle endpoints of issue 4.
 */
export function caseAbilities(
  user: Pick<UserPrincipal, 'oid' | 'roles'>,
  state: Pick<CaseState, 'status' | 'assignee'>,
): CaseAbilities {
  const manages = user.roles.includes('coordinator') || user.roles.includes('administrator');
  const isAssignee = state.assignee?.id === user.oid;
  const open = state.status !== 'closed';
  const works = open && (manages || isAssignee);
  return {
    update: works,
    assign: open && manages,
    take: open && state.assignee === null,
    release: open && state.assignee !== null && (manages || isAssignee),
    suspend: works && state.status === 'open',
    extend: works,
    close: works,
    reopen: !open && manages,
  };
}
