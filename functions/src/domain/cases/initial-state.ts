import type { CaseType } from '../../contract/case-type';
import { addCalendarDuration, calendarDurationOf, type LocalDate } from '../calendar';
import { computeDeadline } from '../deadlines';
import type { EventChannel, JsonValue } from '../events';
import type { CaseParty, CaseState } from './case-state';

export interface NewCase {
  id: string;
  number: string;
  caseType: CaseType;
  title: string;
  description: string | null;
  receivedOn: LocalDate;
  channel: EventChannel;
  parties: CaseParty[];
  fields: { [key: string]: JsonValue };
  createdBy: { id: string; name: string };
  /** ISO 8601 UTC instant of registration. */
  at: string;
}

const flagsOf = (caseType: CaseType) => ({
  lexSilencio: caseType.lexSilencio,
  dwangsom: caseType.dwangsom,
  suspensionAllowed: caseType.suspension.allowed,
  extensionAllowed: caseType.extension.allowed,
});

/**
 * The deadline at registration (DUTCH-RULES §1): with a legal term, the final date from computeDeadline
 * (and the service norm as planned date); without one there is no final date, only the service norm.
 */
export function initialDeadline(caseType: CaseType, receivedOn: LocalDate): CaseState['deadline'] {
  if (caseType.legalTerm) {
    const result = computeDeadline({
      receivedOn,
      legalTerm: caseType.legalTerm,
      serviceNorm: caseType.serviceNorm ?? null,
      maxExtension: caseType.extension.max ?? null,
      lexSilencio: caseType.lexSilencio,
    });
    return { final: result.final, planned: result.planned, suspendedDays: 0, ...flagsOf(caseType) };
  }
  const planned = caseType.serviceNorm ? addCalendarDuration(receivedOn, calendarDurationOf(caseType.serviceNorm)) : null;
  return { final: null, planned, suspendedDays: 0, ...flagsOf(caseType) };
}

/** A freshly registered case: open, in the type's first phase, unassigned, confidentiality from the type. */
export function initialCaseState(input: NewCase): CaseState {
  const { caseType } = input;
  const firstPhase = caseType.phases[0];
  if (!firstPhase) throw new Error(`case type ${caseType.key} has no phases`); // the definition schema requires one
  return {
    id: input.id,
    number: input.number,
    caseType: { key: caseType.key, version: caseType.version, name: caseType.name },
    title: input.title,
    description: input.description,
    confidentiality: caseType.confidentiality,
    status: 'open',
    phase: { key: firstPhase.key, name: firstPhase.name },
    receivedOn: input.receivedOn,
    deadline: initialDeadline(caseType, input.receivedOn),
    suspensions: [],
    extensions: [],
    assignee: null,
    parties: input.parties,
    fields: input.fields,
    checklist: {},
    tasks: [],
    links: [],
    shares: [],
    outcome: null,
    closedOn: null,
    archive: { action: null, actionDate: null, status: 'pending' },
    channel: input.channel,
    createdBy: input.createdBy,
    createdAt: input.at,
    updatedAt: input.at,
  };
}
