import { globalRoles, type GlobalRole } from '../roles';
import type { UserPrincipal } from '../principal';
import type { CaseState, CaseTask } from './case-state';

/** What a user may do with one task now; the presenter returns it with each task. */
export interface TaskAbilities {
  complete: boolean;
  accept: boolean;
  decline: boolean;
  cancel: boolean;
  reassign: boolean;
}

export type TaskUser = Pick<UserPrincipal, 'oid' | 'roles' | 'groups'>;
type User = TaskUser;

const isGlobalRole = (role: string | null | undefined): role is GlobalRole =>
  typeof role === 'string' && (globalRoles as readonly string[]).includes(role);

/**
 * Who may act on a task (the one rule, issue 4 item 3):
 * - the task's **assignee** answers it; while it names only a group, any **member of that group** does;
 * - a to-do or an information request (the applicant's answer arrives by mail or phone) may also be
 *   answered by the **case's assignee** or a **coordinator/administrator**, who handle the case anyway;
 * - a consultation or delegation is personal: only its assignee (or group) answers, accepts or declines;
 * - an approval that a business rule requires (`requireApproval: coordinator`) counts only from someone
 *   who **holds that global role**: any holder of it may answer, and an assignee without it may not (the
 *   handler cannot approve their own case by assigning the approval to themselves);
 * - the task's creator, the case's assignee and coordinators/administrators may cancel or reassign an
 *   open task. Nothing may change on a closed case.
 * Visibility of the case (who may read it at all) is the access policy's business, not this function's.
 */
export function taskAbilities(user: User, state: Pick<CaseState, 'status' | 'assignee'>, task: CaseTask): TaskAbilities {
  const none = { complete: false, accept: false, decline: false, cancel: false, reassign: false };
  if (state.status === 'closed') return none;
  const live = task.status === 'open' || task.status === 'accepted';
  if (!live) return none;
  const manages = user.roles.includes('coordinator') || user.roles.includes('administrator');
  const handlesCase = state.assignee?.id === user.oid;
  const isAssignee = task.assignee?.id === user.oid;
  const inGroup = task.assignee === null && task.assigneeGroup !== null && user.groups.includes(task.assigneeGroup);
  const own = isAssignee || inGroup;

  let answers: boolean;
  switch (task.kind) {
    case 'todo':
    case 'informationRequest':
      answers = own || handlesCase || manages;
      break;
    case 'consultation':
    case 'delegation':
      answers = own;
      break;
    case 'approval':
      answers = isGlobalRole(task.requiredRole) ? user.roles.includes(task.requiredRole) : own;
      break;
  }
  const steers = task.createdBy.id === user.oid || handlesCase || manages;
  return {
    complete: answers && (task.kind !== 'delegation' || task.status === 'accepted'),
    accept: own && task.kind === 'delegation' && task.status === 'open',
    decline: own && (task.kind === 'delegation' || task.kind === 'consultation'),
    cancel: steers,
    reassign: steers && task.status === 'open',
  };
}
