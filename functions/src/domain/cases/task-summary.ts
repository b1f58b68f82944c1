import type { JsonValue } from '../events';
import { type Json, isObject, text, nameOf, nlMonths, enMonths, fullDate } from '../events/summary-text';

type Summary = { nl: string; en: string };

const kindNames: Record<string, Summary> = {
  todo: { nl: 'taak', en: 'to-do' },
  consultation: { nl: 'adviesvraag', en: 'consultation' },
  approval: { nl: 'accorderingsverzoek', en: 'approval request' },
  delegation: { nl: 'delegatie', en: 'delegation' },
  informationRequest: { nl: 'informatieverzoek aan de aanvrager', en: 'information request to the applicant' },
};

/** Timeline sentences for task events, e.g. "Sanne de Vries heeft adviesvraag 'Constructie' uitgezet bij Joost Mulder". */
export function taskSummary(type: string, who: string, before: Json, after: Json): Summary {
  const task = isObject(after.task) ? after.task : isObject(before.task) ? before.task : {};
  const kind = kindNames[text(task.kind)] ?? { nl: 'taak', en: 'task' };
  const title = `'${text(task.title)}'`;
  const to = nameOf(task.assignee);
  const response = typeof task.response === 'string' && task.response !== '' ? task.response : null;
  const said = response ? { nl: `: ${response}`, en: `: ${response}` } : { nl: '', en: '' };
  switch (type) {
    case 'case.task-created':
      return to
        ? { nl: `${who} heeft ${kind.nl} ${title} uitgezet bij ${to}`, en: `${who} created ${kind.en} ${title} for ${to}` }
        : { nl: `${who} heeft ${kind.nl} ${title} aangemaakt`, en: `${who} created ${kind.en} ${title}` };
    case 'case.task-completed': {
      if (task.decision === 'approved') {
        return { nl: `${who} heeft ${title} goedgekeurd${said.nl}`, en: `${who} approved ${title}${said.en}` };
      }
      if (task.decision === 'rejected') {
        return { nl: `${who} heeft ${title} afgekeurd${said.nl}`, en: `${who} rejected ${title}${said.en}` };
      }
      return { nl: `${who} heeft ${kind.nl} ${title} beantwoord${said.nl}`, en: `${who} answered ${kind.en} ${title}${said.en}` };
    }
    case 'case.task-accepted':
      return { nl: `${who} heeft ${kind.nl} ${title} aangenomen`, en: `${who} accepted ${kind.en} ${title}` };
    case 'case.task-declined':
      return { nl: `${who} heeft ${kind.nl} ${title} afgewezen${said.nl}`, en: `${who} declined ${kind.en} ${title}${said.en}` };
    case 'case.task-cancelled': {
      const reason = typeof task.reason === 'string' ? ` (${task.reason})` : '';
      return { nl: `${who} heeft ${kind.nl} ${title} ingetrokken${reason}`, en: `${who} cancelled ${kind.en} ${title}${reason}` };
    }
    default:
      return {
        nl: `${who} heeft ${kind.nl} ${title} overgedragen aan ${to ?? '?'}`,
        en: `${who} reassigned ${kind.en} ${title} to ${to ?? '?'}`,
      };
  }
}

function archiveSentence(archive: JsonValue | undefined): Summary {
  if (!isObject(archive) || archive.action === null || archive.action === undefined) return { nl: '', en: '' };
  const action = archive.action === 'retain' ? { nl: 'bewaren', en: 'retain' } : { nl: 'vernietigen', en: 'destroy' };
  if (typeof archive.actionDate === 'string') {
    return {
      nl: `; archiefnominatie ${action.nl} per ${fullDate(archive.actionDate, nlMonths)}`,
      en: `; archive action ${action.en} on ${fullDate(archive.actionDate, enMonths)}`,
    };
  }
  return archive.reason === 'permanent'
    ? { nl: '; blijvend bewaren', en: '; retained permanently' }
    : { nl: `; archiefnominatie ${action.nl}, datum nog onbekend`, en: `; archive action ${action.en}, date not known yet` };
}

/** Timeline sentences for closing, reopening, archive changes and links. */
export function lifecycleSummary(type: string, who: string, before: Json, after: Json): Summary {
  switch (type) {
    case 'case.closed': {
      const outcome = nameOf(after.outcome) ?? '?';
      const archive = archiveSentence(after.archive);
      return {
        nl: `${who} heeft de zaak afgesloten met resultaat ${outcome} op ${fullDate(after.closedOn, nlMonths)}${archive.nl}`,
        en: `${who} closed the case with outcome ${outcome} on ${fullDate(after.closedOn, enMonths)}${archive.en}`,
      };
    }
    case 'case.reopened':
      return {
        nl: `${who} heeft de zaak heropend (${text(after.reason)}); resultaat ${nameOf(before.outcome) ?? '?'} en archiefgegevens gewist`,
        en: `${who} reopened the case (${text(after.reason)}); outcome ${nameOf(before.outcome) ?? '?'} and archive data cleared`,
      };
    case 'case.archive-set': {
      const archive = archiveSentence(after.archive);
      return {
        nl: `${who} heeft de archiefgegevens bijgewerkt (${text(after.reason)})${archive.nl}`,
        en: `${who} updated the archive data (${text(after.reason)})${archive.en}`,
      };
    }
    case 'case.linked': {
      const link = isObject(after.link) ? after.link : {};
      const kind = { parent: { nl: 'hoofdzaak', en: 'parent case' }, child: { nl: 'deelzaak', en: 'child case' } }[
        text(link.kind)
      ] ?? {
        nl: 'gerelateerde zaak',
        en: 'related case',
      };
      return {
        nl: `${who} heeft ${text(link.number)} gekoppeld als ${kind.nl}`,
        en: `${who} linked ${text(link.number)} as ${kind.en}`,
      };
    }
    default: {
      const link = isObject(before.link) ? before.link : {};
      return { nl: `${who} heeft de koppeling met ${text(link.number)} verwijderd`, en: `${who} unlinked ${text(link.number)}` };
    }
  }
}

/** Registration records the first phase's template tasks in its state: the sentence names them. */
export function withTemplateTasks(summary: Summary, tasks: JsonValue | undefined): Summary {
  const titles = Array.isArray(tasks) ? tasks.map((task) => (isObject(task) ? `'${text(task.title)}'` : '?')) : [];
  if (titles.length === 0) return summary;
  return {
    nl: `${summary.nl}; taken aangemaakt: ${titles.join(', ')}`,
    en: `${summary.en}; tasks created: ${titles.join(', ')}`,
  };
}
