import type { Confidentiality } from '../confidentiality';
import type { CaseDocument } from '../documents/case-document';
import type { EventChannel, JsonValue } from '../events';

/** A party to a case (applicant, authorised representative, …) as registered. */
export type CaseParty = { role: string; name: string; email: string | null };

export type CasePerson = { id: string; name: string };

export const caseTaskKinds = ['todo', 'consultation', 'approval', 'delegation', 'informationRequest'] as const;
export type CaseTaskKind = (typeof caseTaskKinds)[number];

/**
 * `open`: waiting for its assignee; `accepted`: a delegation the assignee took on; `completed`: answered
 * (for an approval, `decision` says how); `declined`: a delegation or consultation refused;
 * `cancelled`: withdrawn. Only `open` and `accepted` tasks grant their assignee access to the case.
 */
export const caseTaskStatuses = ['open', 'accepted', 'completed', 'declined', 'cancelled'] as const;
export type CaseTaskStatus = (typeof caseTaskStatuses)[number];

/** A task inside a case (issue 4 item 3). Stored in the case row so a task change commits with its event. */
export type CaseTask = {
  /** Opaque and globally unique: `<caseId>.<n>` (n counts per case), so /tasks/{id} finds its partition. */
  id: string;
  kind: CaseTaskKind;
  title: string;
  description: string | null;
  /** The case type's task template it was instantiated from (phase entry), or null when made by hand. */
  templateKey: string | null;
  phase: string | null;
  /** The person who must act; may hold no Zaakwerk role at all (a consulted colleague). */
  assignee: CasePerson | null;
  /** Entra group from the template when no person was chosen yet. */
  assigneeGroup: string | null;
  /** The business rule (key) that requires this approval, or null. */
  requiredBy: string | null;
  dueOn: string | null;
  remindOn: string | null;
  status: CaseTaskStatus;
  /** Approvals only: the answer. */
  decision: 'approved' | 'rejected' | null;
  response: string | null;
  /** Information requests that suspended the case (the case type says so). */
  suspendsCase: boolean;
  createdBy: CasePerson;
  createdAt: string;
  answeredBy: CasePerson | null;
  answeredAt: string | null;
  /**
   * Approvals required by a rule: the role the rule names (`requireApproval`). When it is a global role
   * (e.g. coordinator), only holders of that role may answer (taskAbilities).
   */
  requiredRole?: string | null;
};

/** A link to another case; each side stores its own view (parent ↔ child, related ↔ related). */
export type CaseLink = {
  kind: 'parent' | 'child' | 'related';
  caseId: string;
  number: string;
  /** The other case's type and level when linked, so a reader above whose ceiling it is does not see it. */
  caseType?: string;
  confidentiality?: Confidentiality;
};

/** An explicit share of this one case with a person, until `expiresAt` (an instant). */
export type CaseShare = {
  id: string;
  user: CasePerson;
  access: 'read' | 'write';
  expiresAt: string;
  reason: string;
  createdBy: CasePerson;
  createdAt: string;
};

/**
 * The last signal the timer raised for one subject (`deadline`, `task:<id>`, `reminder:<id>`,
 * `suspension:<from>`): its kind and the date it was computed against (final deadline, due date, remind
 * date, applicant's respond-by date). The same kind on the same date is never signalled twice; a moved
 * date (extension, resumed suspension, new due date) starts afresh. docs/decisions/0013.
 */
export type SignalMark = { kind: string; basis: string; at: string };

/**
 * A case as stored in its partition (the case row's state). A `type` alias, not an interface, so it
 * stays assignable to JsonValue (the store's state type). The presenter maps it to the contract.
 */
export type CaseState = {
  id: string;
  number: string;
  caseType: { key: string; version: number; name: string };
  title: string;
  description: string | null;
  confidentiality: Confidentiality;
  status: 'open' | 'suspended' | 'closed';
  phase: { key: string; name: string };
  receivedOn: string;
  deadline: {
    final: string | null;
    planned: string | null;
    /** As of the last change; the read-time view (deadlineView) counts an open suspension on to today. */
    suspendedDays: number;
    /** While suspended: the days of the earlier, closed suspensions (the open one is counted at read time). */
    closedSuspendedDays?: number;
    /** The case type's flags, kept with the date they qualify (DUTCH-RULES §1). */
    lexSilencio?: boolean;
    dwangsom?: boolean;
    /** Whether the type lets the case be suspended / extended (absent on cases registered before these flags). */
    suspensionAllowed?: boolean;
    extensionAllowed?: boolean;
  };
  /** `term`: the term given to the applicant (a request without one does not suspend, DUTCH-RULES §1). */
  suspensions: { from: string; until: string | null; reason: string; term: string }[];
  extensions: { duration: string; reason: string }[];
  assignee: { id: string; name: string } | null;
  parties: CaseParty[];
  fields: { [key: string]: JsonValue };
  checklist: { [phase: string]: { [item: string]: boolean } };
  tasks: CaseTask[];
  links: CaseLink[];
  shares: CaseShare[];
  /** Signals raised by the timer, per subject (absent on cases never signalled). */
  signalled?: { [subject: string]: SignalMark };
  /** The case's record of its files in SharePoint (ADR 0015); absent on cases that never had one. */
  documents?: CaseDocument[];
  outcome: { key: string; name: string } | null;
  closedOn: string | null;
  archive: {
    action: 'retain' | 'destroy' | null;
    actionDate: string | null;
    status: 'pending';
    /** The date the period counts from (DUTCH-RULES §2), once known. */
    triggerDate?: string | null;
    /** Why the action date is what it is (domain/retention ArchiveReason, or `permanent`). */
    reason?: string | null;
    /** Trigger `manual`: the date the records manager set. */
    manualDate?: string | null;
  };
  channel: EventChannel;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};
