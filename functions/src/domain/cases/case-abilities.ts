import { can, type Actor, type CaseAction } from '../access';
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
 * The policy's answer (can) combined with what the case's state allows now, so clients show exactly
 * the buttons that would work and never copy a rule: a closed case only reopens, only an unassigned
 * case can be taken, only an open (not suspended) case can be suspended, and only when its type allows
 * suspension (extension likewise; cases registered before the type's flags were kept say yes).
 */
export function caseAbilities(actor: Actor, state: CaseState): CaseAbilities {
  const may = (action: CaseAction) => can(actor, action, { kind: 'case', case: state });
  const open = state.status !== 'closed';
  return {
    update: open && may('case.update'),
    assign: open && may('case.assign'),
    take: open && state.assignee === null && may('case.take'),
    release: open && state.assignee !== null && may('case.release'),
    suspend: state.status === 'open' && state.deadline.suspensionAllowed !== false && may('case.suspend'),
    extend: open && state.deadline.extensionAllowed !== false && may('case.extend'),
    close: open && may('case.close'),
    reopen: !open && may('case.reopen'),
  };
}
