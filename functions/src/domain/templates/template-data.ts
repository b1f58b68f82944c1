import type { CaseType, Field } from '../../contract/case-type';
import { addCalendarDuration, parseLocalDate } from '../calendar';
import type { CaseState } from '../cases/case-state';
import { deadlineView } from '../cases/deadline-view';
import type { JsonValue } from '../events';
import { dutchDate, dutchDuration, dutchList, dutchMoney, dutchNumber } from './dutch-format';

/**
 * What a template's placeholders read: nested objects of Dutch-formatted text. `null` means "this case
 * has no value for it" (a placeholder that names it is reported as missing); a key that is absent is not
 * a placeholder at all (reported as unknown). Lists (parties) are for loops.
 */
export type TemplateValue = string | null | TemplateData | TemplateData[];
export interface TemplateData {
  [key: string]: TemplateValue;
}

const statusNames: Record<CaseState['status'], string> = {
  open: 'in behandeling',
  suspended: 'opgeschort',
  closed: 'afgesloten',
};

/** A field's value as it reads in a letter: dates and amounts in Dutch, option labels instead of keys. */
export function fieldText(field: Field, value: JsonValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const label = (key: JsonValue) => field.options?.find((option) => option.key === key)?.label ?? String(key);
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? dutchMoney(value) : null;
    case 'number':
      return typeof value === 'number' ? dutchNumber(value) : null;
    case 'date':
      return typeof value === 'string' ? dutchDate(value) : null;
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 'ja' : 'nee') : null;
    case 'choice':
      return label(value);
    case 'multiChoice':
      return Array.isArray(value) && value.length > 0 ? dutchList(value.map(label)) : null;
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** The applicant's respond-by date of a suspension (from + term), or null when the term is not a calendar duration. */
function respondBy(from: string, term: string): string | null {
  try {
    return dutchDate(addCalendarDuration(parseLocalDate(from), term));
  } catch {
    return null;
  }
}

/**
 * The data every template of a case reads (Word documents and e-mail drafts alike), on `today`
 * (Europe/Amsterdam, `YYYY-MM-DD`). The final deadline is the read-time view (deadlineView): unknown
 * (null) while the case is suspended. Placeholders are Dutch, as the templates are:
 *
 * - `zaak.nummer|titel|omschrijving|zaaktype|fase|status|ontvangstdatum|uitersteDatum|streefdatum|resultaat|afgeslotenOp`
 *   (`resultaat`: the outcome of a closed case, else the intended outcome a decision letter is generated for)
 * - `aanvrager.naam|email|rol` (the first party in an applicant role), `partijen` (every party: `rol`, `naam`, `email`)
 * - `behandelaar.naam`, `velden.<field key>` (every field of the type), `vandaag`
 * - `opschorting.reden|vanaf|termijn|uiterlijk` (the open suspension, else the last one: the respond-by date)
 */
export function templateData(
  state: CaseState,
  caseType: Pick<CaseType, 'fields' | 'roles'>,
  today: string,
  intendedOutcome?: { name: string },
): TemplateData {
  const roleName = (role: string) => caseType.roles.find((r) => r.key === role || r.kind === role)?.name ?? role;
  const applicantRoles = new Set(['applicant', ...caseType.roles.filter((r) => r.kind === 'applicant').map((r) => r.key)]);
  const party = (p: CaseState['parties'][number]): TemplateData => ({
    rol: roleName(p.role),
    naam: p.name,
    email: p.email || null,
  });
  const applicant = state.parties.find((p) => applicantRoles.has(p.role));

  const fields: TemplateData = {};
  for (const field of caseType.fields) {
    if ('type' in field) fields[field.key] = fieldText(field, state.fields[field.key]);
  }

  const deadline = deadlineView(state, today);
  const suspension = state.suspensions.find((s) => s.until === null) ?? state.suspensions[state.suspensions.length - 1];
  const date = (value: string | null | undefined) => (value ? dutchDate(value) : null);

  return {
    zaak: {
      nummer: state.number,
      titel: state.title,
      omschrijving: state.description || null,
      zaaktype: state.caseType.name,
      fase: state.phase.name,
      status: statusNames[state.status],
      ontvangstdatum: dutchDate(state.receivedOn),
      uitersteDatum: date(deadline.final),
      streefdatum: date(deadline.planned),
      resultaat: state.outcome?.name ?? intendedOutcome?.name ?? null,
      afgeslotenOp: date(state.closedOn),
    },
    aanvrager: applicant ? party(applicant) : { rol: null, naam: null, email: null },
    partijen: state.parties.map(party),
    behandelaar: { naam: state.assignee?.name ?? null },
    velden: fields,
    opschorting: {
      reden: suspension?.reason || null,
      vanaf: date(suspension?.from),
      termijn: suspension ? dutchDuration(suspension.term) : null,
      uiterlijk: suspension ? respondBy(suspension.from, suspension.term) : null,
    },
    vandaag: dutchDate(today),
  };
}
