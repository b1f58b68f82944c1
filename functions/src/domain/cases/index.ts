/** Cases (zaken): their stored state and the pure rules of registration. */
export type { CaseState, CaseParty, CasePerson, CaseTask, CaseTaskKind, CaseTaskStatus, CaseLink, CaseShare } from './case-state';
export type { SignalMark } from './case-state';
export { caseTaskKinds, caseTaskStatuses } from './case-state';
export { validateFieldValues, type FieldIssue, type FieldIssueCode, type FieldValidation } from './validate-fields';
export { initialCaseState, initialDeadline, type NewCase } from './initial-state';
export { caseAbilities, type CaseAbilities } from './case-abilities';
export { amsterdamToday } from './amsterdam-today';
export {
  takeCase,
  assignCase,
  releaseCase,
  updateCaseDetails,
  tickChecklistItem,
  movePhase,
  type ChangeStamp,
  type Transition,
  type DetailsChange,
  type Person,
} from './case-transitions';
export { phaseGates, type UnmetGate } from './phase-gates';
export { publishedRules, type PublishedRules } from './published-type';
export { renderTimelineEntry, type TimelineEntry } from './timeline';
export {
  suspendCase,
  resumeCase,
  extendCase,
  type DeadlineRules,
  suspensionNotAllowed,
  alreadySuspended,
  notSuspended,
  extensionNotAllowed,
} from './deadline-transitions';
export {
  caseIdOfTask,
  findTask,
  createTask,
  instantiatePhaseTasks,
  templatesOnEntry,
  tasksOnPhaseEntry,
  completeTask,
  acceptTask,
  declineTask,
  cancelTask,
  reassignTask,
  followedBy,
  openTasks,
  taskNotFound,
  type NewTask,
  type TaskAnswer,
} from './case-tasks';
export { taskAbilities, type TaskAbilities } from './task-abilities';
export {
  closeGates,
  closeCase,
  reopenCase,
  setCaseArchive,
  requiredApprovals,
  unmetApprovals,
  finalPhaseOf,
  caseNotClosed,
  type CloseGate,
} from './close-case';
export { archiveFor, archiveAfterReopen, type ArchiveContext } from './case-archive';
export { linkCase, unlinkCase, inverseLinkKind } from './case-links';
export { shareCase, revokeShare, shareSummary, maxShareDays, shareExpiryInvalid, shareNotFound } from './share-transitions';
export { recomputeDeadline } from './recompute-deadline';
export { deadlineView, type DeadlineView } from './deadline-view';
