import type { CaseAction, CaseTypeAction, SystemAction } from '../domain/access';

/**
 * What each endpoint asks of the access policy, by endpoint name. `case`: the case in the route is
 * loaded and can(actor, action, case) decides (404 when not visible, 403 when not allowed); `caseType`
 * and `system` likewise; `queue`: every row is filtered by visibleRows; `caller`: only about the caller;
 * `public`: no token. The authorization matrix (docs/authorization-matrix.md) is generated from this
 * table and can(); a test fails for any endpoint without a row.
 */
export type EndpointAccess =
  | { on: 'case'; action: CaseAction }
  | { on: 'caseType'; action: CaseTypeAction }
  | { on: 'system'; action: SystemAction }
  | { on: 'queue' }
  | { on: 'caller' }
  | { on: 'public' };

export const endpointAccess: Record<string, EndpointAccess> = {
  health: { on: 'public' },
  me: { on: 'caller' },
  listCases: { on: 'queue' },
  queueCounts: { on: 'queue' },
  // The caller's own signals (recipients are decided when a signal is projected).
  listSignals: { on: 'caller' },
  markSignalRead: { on: 'caller' },
  registerCase: { on: 'caseType', action: 'caseType.register' },
  getCase: { on: 'case', action: 'case.read' },
  updateCase: { on: 'case', action: 'case.update' },
  takeCase: { on: 'case', action: 'case.take' },
  assignCase: { on: 'case', action: 'case.assign' },
  releaseCase: { on: 'case', action: 'case.release' },
  moveCasePhase: { on: 'case', action: 'case.movePhase' },
  tickChecklistItem: { on: 'case', action: 'case.tickChecklist' },
  suspendCase: { on: 'case', action: 'case.suspend' },
  resumeCase: { on: 'case', action: 'case.resume' },
  extendCase: { on: 'case', action: 'case.extend' },
  getCaseTimeline: { on: 'case', action: 'case.read' },
  verifyCaseAudit: { on: 'case', action: 'case.verifyAudit' },
  listCaseTasks: { on: 'case', action: 'case.read' },
  // Only the caller's own tasks, or a group the caller is in.
  listMyTasks: { on: 'caller' },
  createTask: { on: 'case', action: 'task.create' },
  completeTask: { on: 'case', action: 'task.answer' },
  acceptTask: { on: 'case', action: 'task.answer' },
  declineTask: { on: 'case', action: 'task.answer' },
  cancelTask: { on: 'case', action: 'task.manage' },
  reassignTask: { on: 'case', action: 'task.manage' },
  closeCase: { on: 'case', action: 'case.close' },
  reopenCase: { on: 'case', action: 'case.reopen' },
  setCaseArchive: { on: 'case', action: 'case.archive' },
  addCaseLink: { on: 'case', action: 'case.update' },
  removeCaseLink: { on: 'case', action: 'case.update' },
  getCaseAccessLog: { on: 'case', action: 'case.readAccessLog' },
  personAccessLog: { on: 'system', action: 'accessLog.report' },
  accessOverview: { on: 'system', action: 'admin.accessOverview' },
  shareCase: { on: 'case', action: 'case.share' },
  listCaseShares: { on: 'case', action: 'case.share' },
  revokeCaseShare: { on: 'case', action: 'case.share' },
  // Lists the types the caller may start (register) or, for administrators, manage.
  listCaseTypes: { on: 'caller' },
  createCaseTypeDraft: { on: 'caseType', action: 'caseType.manage' },
  getCaseTypeDraft: { on: 'caseType', action: 'caseType.manage' },
  updateCaseTypeDraft: { on: 'caseType', action: 'caseType.manage' },
  importCaseType: { on: 'caseType', action: 'caseType.manage' },
  listCaseTypeVersions: { on: 'caseType', action: 'caseType.read' },
  getCaseTypeVersion: { on: 'caseType', action: 'caseType.read' },
  publishCaseType: { on: 'caseType', action: 'caseType.manage' },
  retireCaseTypeVersion: { on: 'caseType', action: 'caseType.manage' },
  diffCaseTypeVersions: { on: 'caseType', action: 'caseType.compare' },
  exportCaseTypeVersion: { on: 'caseType', action: 'caseType.manage' },
  listCaseTypeFragments: { on: 'caseType', action: 'caseType.manage' },
  getCaseTypeFragment: { on: 'caseType', action: 'caseType.manage' },
  addCaseTypeFragment: { on: 'caseType', action: 'caseType.manage' },
  // Moves running cases to a newer version (audited on each case); functioneel beheer, like publishing.
  migrateCases: { on: 'caseType', action: 'caseType.manage' },
  // Documents follow their case (app/documents/load-case-for-documents.ts).
  uploadCaseDocument: { on: 'case', action: 'case.update' },
  listCaseDocuments: { on: 'case', action: 'case.read' },
  getCaseDocument: { on: 'case', action: 'case.read' },
  listDocumentVersions: { on: 'case', action: 'case.read' },
  uploadDocumentVersion: { on: 'case', action: 'case.update' },
  downloadDocument: { on: 'case', action: 'case.read' },
  downloadDocumentVersion: { on: 'case', action: 'case.read' },
  restoreDocumentVersion: { on: 'case', action: 'case.update' },
  checkOutDocument: { on: 'case', action: 'case.update' },
  checkInDocument: { on: 'case', action: 'case.update' },
  // Sharing one document with a partner is the handler's work; sharing the whole case (shares) is the coordinator's.
  shareDocument: { on: 'case', action: 'case.update' },
  listDocumentShares: { on: 'case', action: 'case.read' },
  revokeDocumentShare: { on: 'case', action: 'case.update' },
  syncDocumentVersions: { on: 'case', action: 'case.update' },
  // Generating files a document (the upload's rule); an e-mail draft to the applicant is the handler's work too.
  generateCaseDocument: { on: 'case', action: 'case.update' },
  draftCaseEmail: { on: 'case', action: 'case.update' },
  // Microsoft Graph calls it without a token; the clientState secret authenticates a notification.
  graphNotifications: { on: 'public' },
  // The same for Graph's lifecycle notifications (reauthorizationRequired, subscriptionRemoved, missed).
  graphLifecycleNotifications: { on: 'public' },
  openapi: { on: 'public' },
  preflight: { on: 'public' },
  notFound: { on: 'public' },
};
