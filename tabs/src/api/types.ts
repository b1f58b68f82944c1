/**
 * Response shapes of the Zaakwerk API as the tab uses them (API.md). Defined here rather than imported
 * from `@zaakwerk/functions/contract`: that package is CommonJS built into functions/dist and pulls in
 * zod, and the tab's bundle should not depend on the API's build output. Fields the tab does not read
 * are left out; the API may add fields freely.
 */
export interface Me {
  id: string;
  name: string;
  email: string;
  tenantId: string;
  roles: string[];
  groups: string[];
  caseTypes: Array<{ key: string; name: string }>;
}

export type CaseStatus = 'open' | 'suspended' | 'closed';

export interface CaseSummary {
  id: string;
  /** e.g. `ZAAK-2026-000123` */
  number: string;
  title: string;
  caseType: { key: string; name: string; version?: number };
  status: CaseStatus | (string & {});
  phase: { key: string; name: string };
  /** Dates are `YYYY-MM-DD` in Europe/Amsterdam; `final` is the uiterlijke einddatum afdoening. */
  deadline: { final: string | null; planned?: string | null };
  receivedOn: string;
  assignee: { id: string; name: string } | null;
  confidentiality: string;
}

export interface CaseList {
  items: CaseSummary[];
  nextCursor: string | null;
}

export type CaseQueue = 'mine' | 'team' | 'all';

/** RFC 9457 problem details with Zaakwerk's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: Array<{ path: string; code: string; message: string }>;
}
