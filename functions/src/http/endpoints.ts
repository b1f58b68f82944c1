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
import { notFoundEndpoint, preflightEndpoint } from './handlers/fallback.handler';
import { assignCaseEndpoint } from './handlers/assign-case.handler';
import { getCaseTimelineEndpoint } from './handlers/get-case-timeline.handler';
import { getCaseEndpoint } from './handlers/get-case.handler';
import { moveCasePhaseEndpoint } from './handlers/move-case-phase.handler';
import { extendCaseEndpoint, resumeCaseEndpoint, suspendCaseEndpoint } from './handlers/case-deadline.handler';
import { releaseCaseEndpoint } from './handlers/release-case.handler';
import { takeCaseEndpoint } from './handlers/take-case.handler';
import { tickChecklistItemEndpoint } from './handlers/tick-checklist-item.handler';
import { updateCaseEndpoint } from './handlers/update-case.handler';
import { healthEndpoint } from './handlers/health.handler';
import { listCasesEndpoint } from './handlers/list-cases.handler';
import { meEndpoint } from './handlers/me.handler';
import { openApiEndpoint } from './handlers/openapi.handler';
import { registerCaseEndpoint } from './handlers/register-case.handler';
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

/**
 * The endpoint table: every HTTP endpoint of the API with its route, methods and policy. register.ts
 * turns each row into one Azure Function; a test checks every row has a known policy.
 */
export function createEndpoints(deps: Dependencies): AnyEndpoint[] {
  return [
    healthEndpoint(deps),
    meEndpoint(deps),
    listCasesEndpoint(deps),
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
    openApiEndpoint(deps),
    preflightEndpoint(deps),
    notFoundEndpoint(),
  ];
}
