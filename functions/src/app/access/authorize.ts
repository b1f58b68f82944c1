import { can, type Actor, type CaseAction } from '../../domain/access';
import type { CaseState } from '../../domain/cases';
import { caseNotFound } from '../cases/case-errors';
import { forbidden } from '../errors';

/** 403 for what the user can see but may not do; the code is the same as the endpoint policies'. */
export const notAllowed = () => forbidden('auth.not-allowed', 'You are not allowed to do this.');

/**
 * Authorizes an action on a loaded case: a case the actor may not see does not exist for them (404,
 * the same answer as for a missing case, so ids cannot be probed); one they see but may not change is 403.
 */
export function authorizeCase(actor: Actor, action: CaseAction, state: CaseState, taskId?: string): void {
  const resource = { kind: 'case', case: state, ...(taskId === undefined ? {} : { taskId }) } as const;
  if (!can(actor, 'case.read', resource)) throw caseNotFound(state.id);
  if (!can(actor, action, resource)) throw notAllowed();
}

/** The same check as a callback for changeCase's `authorize`, run right after the case is loaded. */
export const caseGuard =
  (actor: Actor, action: CaseAction) =>
  (state: CaseState): void =>
    authorizeCase(actor, action, state);
