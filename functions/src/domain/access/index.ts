/** Access: one policy (can) over an actor resolved from the user, their groups and the case types' access lists. */
export {
  caseTypeRoles,
  defaultAccessSettings,
  type AccessSettings,
  type CaseTypeRole,
  type GlobalRoleAccess,
} from './access-settings';
export { resolveActor, type Actor, type CaseTypeAccess, type CaseTypeGrant } from './actor';
export {
  can,
  atMost,
  ceilingFor,
  visibleRows,
  seesLinked,
  caseActions,
  caseTypeActions,
  systemActions,
  caseTypeRoleActions,
  type Action,
  type CaseAction,
  type CaseTypeAction,
  type SystemAction,
  type CaseFacts,
  type WorkQueueRowFacts,
  type Resource,
} from './can';
