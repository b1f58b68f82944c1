import type { Confidentiality } from '../confidentiality';
import type { EventChannel, JsonValue } from '../events';

/** A party to a case (applicant, authorised representative, …) as registered. */
export type CaseParty = { role: string; name: string; email: string | null };

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
  deadline: { final: string | null; planned: string | null; suspendedDays: number };
  /** `term`: the term given to the applicant (a request without one does not suspend, DUTCH-RULES §1). */
  suspensions: { from: string; until: string | null; reason: string; term: string }[];
  extensions: { duration: string; reason: string }[];
  assignee: { id: string; name: string } | null;
  parties: CaseParty[];
  fields: { [key: string]: JsonValue };
  checklist: { [phase: string]: { [item: string]: boolean } };
  outcome: { key: string; name: string } | null;
  closedOn: string | null;
  archive: { action: 'retain' | 'destroy' | null; actionDate: string | null; status: 'pending' };
  channel: EventChannel;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};
