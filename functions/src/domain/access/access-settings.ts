import type { Confidentiality } from '../confidentiality';
import type { GlobalRole } from '../roles';

/** Roles a group can hold in a case type's access list (contract `accessRoles`). */
export const caseTypeRoles = ['reader', 'handler', 'decisionMaker', 'coordinator'] as const;
export type CaseTypeRole = (typeof caseTypeRoles)[number];

/** What a global role gives on every case type: a case-type role (or none) up to a ceiling. */
export interface GlobalRoleAccess {
  /** Acts as this role on every case type; null: no access to case content at all. */
  caseRole: CaseTypeRole | null;
  /** Inclusive: cases above this level stay invisible to the role (DUTCH-RULES.md §4). */
  maxConfidentiality: Confidentiality;
  /** May register cases of every type (e.g. the contact centre taking a request by phone). */
  register: boolean;
  /** May read access records (inzageregistratie) of the cases it can see, and the per-person report. */
  readAccessLog: boolean;
}

/**
 * The policy choices of an organisation, in one place. The defaults follow least privilege and are
 * explained in docs/decisions/0012-access-policy.md; an organisation that decides otherwise changes
 * these values, not the rules in can().
 */
export interface AccessSettings {
  globalRoles: Record<GlobalRole, GlobalRoleAccess>;
  /**
   * Ceiling for a case-level grant (assignee, open task, share) held by someone with no grant on the
   * case type at all, e.g. a consulted colleague outside the team.
   */
  caseGrantMaxConfidentiality: Confidentiality;
}

export const defaultAccessSettings: AccessSettings = {
  globalRoles: {
    // Functioneel beheer configures case types; it does not read citizens' files.
    administrator: { caseRole: null, maxConfidentiality: 'openbaar', register: false, readAccessLog: false },
    coordinator: { caseRole: 'coordinator', maxConfidentiality: 'vertrouwelijk', register: true, readAccessLog: false },
    // DIV: reads every file to archive or destroy it, and answers AVG art. 15 requests.
    recordsManager: { caseRole: 'reader', maxConfidentiality: 'vertrouwelijk', register: false, readAccessLog: true },
    // Answers citizens about the status of their case and takes requests by phone; no confidential files.
    contactCentre: { caseRole: 'reader', maxConfidentiality: 'intern', register: true, readAccessLog: false },
    // Privacy officer / internal audit: reads what happened, changes nothing.
    auditor: { caseRole: 'reader', maxConfidentiality: 'geheim', register: false, readAccessLog: true },
  },
  caseGrantMaxConfidentiality: 'zaakvertrouwelijk',
};
