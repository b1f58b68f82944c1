import type { Dependencies } from '../composition-root';
import type { AnyEndpoint } from './endpoint';
import {
  createCaseTypeDraftEndpoint,
  getCaseTypeDraftEndpoint,
  importCaseTypeEndpoint,
  updateCaseTypeDraftEndpoint,
} from './handlers/case-type-drafts.handler';
import {
  diffCaseTypeVersionsEndpoint,
  exportCaseTypeVersionEndpoint,
  publishCaseTypeEndpoint,
  retireCaseTypeVersionEndpoint,
} from './handlers/case-type-versions.handler';
import { getCaseTypeVersionEndpoint, listCaseTypesEndpoint, listCaseTypeVersionsEndpoint } from './handlers/case-types.handler';
import { accessOverviewEndpoint, getCaseAccessLogEndpoint, personAccessLogEndpoint } from './handlers/access-log.handler';
import { listCaseSharesEndpoint, revokeCaseShareEndpoint, shareCaseEndpoint } from './handlers/case-shares.handler';
import { migrateCasesEndpoint } from './handlers/case-type-migrations.handler';
import { addFragmentEndpoint, getFragmentEndpoint, listFragmentsEndpoint } from './handlers/case-type-fragments.handler';
import { notFoundEndpoint, preflightEndpoint } from './handlers/fallback.handler';
import { assignCaseEndpoint } from './handlers/assign-case.handler';
import { getCaseTimelineEndpoint } from './handlers/get-case-timeline.handler';
import { verifyCaseAuditEndpoint } from './handlers/case-audit.handler';
import { getCaseEndpoint } from './handlers/get-case.handler';
import { moveCasePhaseEndpoint } from './handlers/move-case-phase.handler';
import { extendCaseEndpoint, resumeCaseEndpoint, suspendCaseEndpoint } from './handlers/case-deadline.handler';
import { releaseCaseEndpoint } from './handlers/release-case.handler';
import { takeCaseEndpoint } from './handlers/take-case.handler';
import { tickChecklistItemEndpoint } from './handlers/tick-checklist-item.handler';
import { updateCaseEndpoint } from './handlers/update-case.handler';
import { healthEndpoint } from './handlers/health.handler';
import { listCasesEndpoint, queueCountsEndpoint } from './handlers/list-cases.handler';
import { meEndpoint } from './handlers/me.handler';
import { openApiEndpoint } from './handlers/openapi.handler';
import { registerCaseEndpoint } from './handlers/register-case.handler';
import {
  acceptTaskEndpoint,
  cancelTaskEndpoint,
  completeTaskEndpoint,
  createTaskEndpoint,
  declineTaskEndpoint,
  listCaseTasksEndpoint,
  listMyTasksEndpoint,
  reassignTaskEndpoint,
} from './handlers/case-tasks.handler';
import { closeCaseEndpoint, reopenCaseEndpoint, setCaseArchiveEndpoint } from './handlers/case-closing.handler';
import { addCaseLinkEndpoint, removeCaseLinkEndpoint } from './handlers/case-links.handler';
import { listSignalsEndpoint, markSignalReadEndpoint } from './handlers/signals.handler';
import {
  downloadDocumentEndpoint,
  downloadDocumentVersionEndpoint,
  getCaseDocumentEndpoint,
  listCaseDocumentsEndpoint,
  listDocumentVersionsEndpoint,
  restoreDocumentVersionEndpoint,
  uploadCaseDocumentEndpoint,
  uploadDocumentVersionEndpoint,
  checkOutDocumentEndpoint,
  checkInDocumentEndpoint,
  shareDocumentEndpoint,
  listDocumentSharesEndpoint,
  revokeDocumentShareEndpoint,
  syncDocumentVersionsEndpoint,
} from './handlers/case-documents.handler';
import { draftCaseEmailEndpoint, generateCaseDocumentEndpoint } from './handlers/case-templates.handler';
import { graphLifecycleEndpoint, graphNotificationsEndpoint } from './handlers/graph-notifications.handler';

/**
 * The endpoint table: every HTTP endpoint of the API with its route, methods and policy. register.ts
 * turns each row into one Azure Function; a test checks every row has a known policy.
 */
export function createEndpoints(deps: Dependencies): AnyEndpoint[] {
  return [
    healthEndpoint(deps),
    meEndpoint(deps),
    listCasesEndpoint(deps),
    queueCountsEndpoint(deps),
    registerCaseEndpoint(deps),
    getCaseEndpoint(deps),
    updateCaseEndpoint(deps),
    takeCaseEndpoint(deps),
    assignCaseEndpoint(deps),
    releaseCaseEndpoint(deps),
    moveCasePhaseEndpoint(deps),
    tickChecklistItemEndpoint(deps),
    suspendCaseEndpoint(deps),
    resumeCaseEndpoint(deps),
    extendCaseEndpoint(deps),
    getCaseTimelineEndpoint(deps),
    verifyCaseAuditEndpoint(deps),
    listCaseTasksEndpoint(deps),
    listMyTasksEndpoint(deps),
    createTaskEndpoint(deps),
    completeTaskEndpoint(deps),
    acceptTaskEndpoint(deps),
    declineTaskEndpoint(deps),
    cancelTaskEndpoint(deps),
    reassignTaskEndpoint(deps),
    closeCaseEndpoint(deps),
    reopenCaseEndpoint(deps),
    setCaseArchiveEndpoint(deps),
    addCaseLinkEndpoint(deps),
    removeCaseLinkEndpoint(deps),
    getCaseAccessLogEndpoint(deps),
    personAccessLogEndpoint(deps),
    accessOverviewEndpoint(deps),
    shareCaseEndpoint(deps),
    listCaseSharesEndpoint(deps),
    revokeCaseShareEndpoint(deps),
    listSignalsEndpoint(deps),
    markSignalReadEndpoint(deps),
    uploadCaseDocumentEndpoint(deps),
    listCaseDocumentsEndpoint(deps),
    getCaseDocumentEndpoint(deps),
    listDocumentVersionsEndpoint(deps),
    uploadDocumentVersionEndpoint(deps),
    downloadDocumentEndpoint(deps),
    downloadDocumentVersionEndpoint(deps),
    restoreDocumentVersionEndpoint(deps),
    checkOutDocumentEndpoint(deps),
    checkInDocumentEndpoint(deps),
    shareDocumentEndpoint(deps),
    listDocumentSharesEndpoint(deps),
    revokeDocumentShareEndpoint(deps),
    syncDocumentVersionsEndpoint(deps),
    generateCaseDocumentEndpoint(deps),
    draftCaseEmailEndpoint(deps),
    graphNotificationsEndpoint(deps),
    graphLifecycleEndpoint(deps),
    listCaseTypesEndpoint(deps),
    createCaseTypeDraftEndpoint(deps),
    getCaseTypeDraftEndpoint(deps),
    updateCaseTypeDraftEndpoint(deps),
    importCaseTypeEndpoint(deps),
    listCaseTypeVersionsEndpoint(deps),
    getCaseTypeVersionEndpoint(deps),
    publishCaseTypeEndpoint(deps),
    retireCaseTypeVersionEndpoint(deps),
    diffCaseTypeVersionsEndpoint(deps),
    exportCaseTypeVersionEndpoint(deps),
    migrateCasesEndpoint(deps),
    listFragmentsEndpoint(deps),
    addFragmentEndpoint(deps),
    getFragmentEndpoint(deps),
    openApiEndpoint(deps),
    preflightEndpoint(deps),
    notFoundEndpoint(),
  ];
}
