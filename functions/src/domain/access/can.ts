import { confidentialityLevels, type Confidentiality } from '../confidentiality';
import type { CaseShare, CaseState, CaseTask } from '../cases/case-state';
import { taskAbilities } from '../cases/task-abilities';
import type { Actor } from './actor';
import type { CaseTypeRole } from './access-settings';

/** What can be done with one case. `case.read` covers the case, its timeline and (later) its documents. */
export const caseActions = [
  'case.read',
  'case.update',
  'case.take',
  'case.assign',
  'case.release',
  'case.movePhase',
  'case.tickChecklist',
  'case.suspend',
  'case.resume',
  'case.extend',
  'case.close',
  'case.reopen',
  'case.share',
  'case.readAccessLog',
  'case.verifyAudit',
  'case.archive',
  'task.create',
  'task.answer',
  'task.manage',
] as const;
export const caseTypeActions = ['caseType.register', 'caseType.read', 'caseType.manage', 'caseType.compare'] as const;
/** Functions not about one case or type: the rights overview and the per-person access report. */
export const systemActions = ['admin.accessOverview', 'accessLog.report'] as const;

export type CaseAction = (typeof caseActions)[number];
export type CaseTypeAction = (typeof caseTypeActions)[number];
export type SystemAction = (typeof systemActions)[number];
export type Action = CaseAction | CaseTypeAction | SystemAction;

/** What the policy needs of a case: its type, level, assignee and the case-level grants in it. */
export interface CaseFacts {
  caseType: { key: string };
  confidentiality: Confidentiality;
  assignee: { id: string; name?: string } | null;
  /** Whole tasks on a loaded case (task.answer/manage ask taskAbilities); rows carry none. */
  tasks?: readonly CaseTask[];
  status?: CaseState['status'];
  shares?: readonly Pick<CaseShare, 'user' | 'access' | 'expiresAt'>[];
}

/** A row of any work queue: it carries the case type and level, so lists filter without loading cases. */
export interface WorkQueueRowFacts {
  caseTypeKey: string;
  confidentiality: Confidentiality;
  assigneeId: string | null;
}

export type Resource =
  | { kind: 'case'; case: CaseFacts; /** for task.answer */ taskId?: string }
  | { kind: 'workQueueRow'; row: WorkQueueRowFacts }
  | { kind: 'caseType'; caseType: { key: string; confidentiality: Confidentiality } }
  | { kind: 'system' };

const work: CaseAction[] = [
  'case.read',
  'case.update',
  'case.take',
  'case.assign',
  'case.release',
  'case.movePhase',
  'case.tickChecklist',
  'case.suspend',
  'case.resume',
  'case.extend',
  'case.close',
  'task.create',
];

/** What each case-type role may do with the cases of that type (below its ceiling). */
export const caseTypeRoleActions: Record<CaseTypeRole, readonly CaseAction[]> = {
  reader: ['case.read'],
  handler: work,
  decisionMaker: ['case.read', 'case.movePhase', 'case.close'],
  coordinator: [...work, 'case.reopen', 'case.share'],
};

/** The assignee works on their own case (and may hand it over), but not reopen or share it. */
const assigneeActions: readonly CaseAction[] = work;
const shareActions: Record<CaseShare['access'], readonly CaseAction[]> = {
  read: ['case.read'],
  write: ['case.read', 'case.update', 'case.movePhase', 'case.tickChecklist'],
};
const grantingTaskStatuses = new Set<CaseTask['status']>(['open', 'accepted']);

const rank = (level: Confidentiality): number => confidentialityLevels.indexOf(level);
export const atMost = (level: Confidentiality, max: Confidentiality): boolean => rank(level) <= rank(max);

/**
 * The one policy: may this actor do this action on this resource? Pure; every endpoint, list filter
 * and presenter's `abilities` asks it. Rights only — whether the case's state allows the action now
 * (closed, already assigned) is for the transition to say (409).
 */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.kind) {
    case 'case':
      return canOnCase(actor, action, resource.case, resource.taskId);
    case 'workQueueRow':
      return canOnCase(actor, action, factsOfRow(resource.row), undefined);
    case 'caseType':
      return canOnCaseType(actor, action, resource.caseType);
    case 'system':
      return canOnSystem(actor, action);
  }
}

/** The ceiling of an actor for a case type: the highest level any of their grants reaches. */
export function ceilingFor(actor: Actor, caseType: string): Confidentiality {
  const levels = actor.grants.filter((grant) => grant.caseType === caseType).map((grant) => grant.maxConfidentiality);
  if (levels.length === 0) return actor.settings.caseGrantMaxConfidentiality;
  return levels.reduce((high, level) => (rank(level) > rank(high) ? level : high));
}

/**
 * Whether a link to another case may be shown: the linked case's level within the actor's ceiling for its
 * type (a case above it does not exist for them, also not as a related case). Links recorded before the
 * level was kept are shown.
 */
export function seesLinked(actor: Actor, link: { caseType?: string; confidentiality?: Confidentiality }): boolean {
  if (!link.caseType || !link.confidentiality) return true;
  return atMost(link.confidentiality, ceilingFor(actor, link.caseType));
}

/** Filters any list of work-queue rows (mine, team, case type, search) to what the actor may see. */
export function visibleRows<R extends WorkQueueRowFacts>(actor: Actor, rows: readonly R[]): R[] {
  return rows.filter((row) => can(actor, 'case.read', { kind: 'workQueueRow', row }));
}

function canOnCase(actor: Actor, action: Action, facts: CaseFacts, taskId: string | undefined): boolean {
  if (!(caseActions as readonly string[]).includes(action)) return false;
  const caseAction = action as CaseAction;
  // Confidentiality on top of everything: above the actor's ceiling the case does not exist for them.
  if (!atMost(facts.confidentiality, ceilingFor(actor, facts.caseType.key))) return false;
  if (caseAction === 'case.readAccessLog' || caseAction === 'case.verifyAudit') {
    return readsAccessLogs(actor) && canOnCase(actor, 'case.read', facts, undefined);
  }
  if (caseAction === 'case.archive') {
    return actor.roles.includes('recordsManager') && canOnCase(actor, 'case.read', facts, undefined);
  }
  if (caseAction === 'task.answer' || caseAction === 'task.manage') {
    // Who may act on one task is taskAbilities' rule (domain/cases); the ceiling above still applies.
    const task = (facts.tasks ?? []).find((candidate) => candidate.id === taskId);
    if (!task) return false;
    const user = { oid: actor.id, roles: [...actor.roles], groups: [...actor.groups] };
    const abilities = taskAbilities(
      user,
      {
        status: facts.status ?? 'open',
        assignee: facts.assignee ? { id: facts.assignee.id, name: facts.assignee.name ?? '' } : null,
      },
      task,
    );
    return caseAction === 'task.answer'
      ? abilities.complete || abilities.accept || abilities.decline
      : abilities.cancel || abilities.reassign;
  }
  const byTypeGrant = actor.grants.some(
    (grant) =>
      grant.caseType === facts.caseType.key &&
      atMost(facts.confidentiality, grant.maxConfidentiality) &&
      caseTypeRoleActions[grant.role].includes(caseAction),
  );
  if (byTypeGrant) return true;
  if (facts.assignee?.id === actor.id && assigneeActions.includes(caseAction)) return true;
  if (
    caseAction === 'case.read' &&
    (facts.tasks ?? []).some(
      (t) =>
        grantingTaskStatuses.has(t.status) &&
        (t.assignee?.id === actor.id ||
          (t.assignee === null && t.assigneeGroup !== null && actor.groups.includes(t.assigneeGroup))),
    )
  ) {
    return true;
  }
  return (facts.shares ?? []).some(
    (share) => share.user.id === actor.id && share.expiresAt > actor.at && shareActions[share.access].includes(caseAction),
  );
}

function canOnCaseType(actor: Actor, action: Action, type: { key: string; confidentiality: Confidentiality }): boolean {
  switch (action) {
    case 'caseType.read':
      return true;
    case 'caseType.manage':
      return actor.roles.includes('administrator');
    case 'caseType.compare':
      return actor.roles.includes('administrator') || actor.roles.includes('coordinator');
    case 'caseType.register': {
      // Registering a case one could not see afterwards is refused too: the type's default level counts.
      const byGrant = actor.grants.some(
        (grant) =>
          grant.caseType === type.key &&
          (grant.role === 'handler' || grant.role === 'coordinator') &&
          atMost(type.confidentiality, grant.maxConfidentiality),
      );
      const byRole = actor.roles.some((role) => {
        const access = actor.settings.globalRoles[role];
        return access.register && atMost(type.confidentiality, access.maxConfidentiality);
      });
      return byGrant || byRole;
    }
    default:
      return false;
  }
}

function canOnSystem(actor: Actor, action: Action): boolean {
  switch (action) {
    case 'admin.accessOverview':
      return actor.roles.includes('administrator') || actor.roles.includes('auditor');
    case 'accessLog.report':
      return readsAccessLogs(actor);
    default:
      return false;
  }
}

const readsAccessLogs = (actor: Actor): boolean => actor.roles.some((role) => actor.settings.globalRoles[role].readAccessLog);

const factsOfRow = (row: WorkQueueRowFacts): CaseFacts => ({
  caseType: { key: row.caseTypeKey },
  confidentiality: row.confidentiality,
  assignee: row.assigneeId ? { id: row.assigneeId } : null,
});
