import type { CaseEvent, EventChannel, JsonValue } from '../events';
import { lifecycleSummary, taskSummary, withTemplateTasks } from './task-summary';
import { shareSummary } from './share-transitions';
import { signalSummary } from '../signals/signal-text';
import { deadlineSummary, recomputedDeadlineSummary } from './deadline-summary';
import { documentSummary } from './document-summary';
import { isObject, nameOf } from '../events/summary-text';

/** One line of a case's timeline: an event as people read it, in Dutch and English. */
export interface TimelineEntry {
  sequence: number;
  type: string;
  occurredAt: string;
  actor: { id: string; name: string };
  onBehalfOf?: { id: string; name: string };
  channel: EventChannel;
  summary: { nl: string; en: string };
  changes: { field: string; before: JsonValue; after: JsonValue }[];
}

/** Each key of before/after (top level) as one change; a registration has only an after and lists none. */
function changesOf(event: CaseEvent): TimelineEntry['changes'] {
  const { before, after } = event.data;
  if (!isObject(before) || !isObject(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** The last segment of a dotted path: `fields.locatie` → `locatie`. */
const leaf = (path: string) => path.slice(path.lastIndexOf('.') + 1);

function summaryOf(event: CaseEvent, who: string, changes: TimelineEntry['changes']): { nl: string; en: string } {
  const after = isObject(event.data.after) ? event.data.after : {};
  const before = isObject(event.data.before) ? event.data.before : {};
  switch (event.type) {
    case 'case.registered':
      return withTemplateTasks({ nl: `${who} heeft de zaak geregistreerd`, en: `${who} registered the case` }, after.tasks);
    case 'case.taken':
      return { nl: `${who} heeft de zaak in behandeling genomen`, en: `${who} took the case` };
    case 'case.assigned': {
      const to = nameOf(after.assignee) ?? '?';
      return { nl: `${who} heeft de zaak toegewezen aan ${to}`, en: `${who} assigned the case to ${to}` };
    }
    case 'case.released':
      return { nl: `${who} heeft de zaak vrijgegeven`, en: `${who} released the case` };
    case 'case.migrated': {
      const version = (value: JsonValue | undefined) =>
        isObject(value) && typeof value.version === 'number' ? value.version : '?';
      const [from, to] = [version(before.caseType), version(after.caseType)];
      const finalOf = (value: JsonValue | undefined) => (isObject(value) && typeof value.final === 'string' ? value.final : null);
      const [was, now] = [finalOf(before.deadline), finalOf(after.deadline)];
      const moved = before.deadline !== undefined && was !== now;
      return {
        nl: `${who} heeft de zaak overgezet van versie ${from} naar versie ${to} van het zaaktype${moved ? `; uiterste datum ${was ?? 'geen'} → ${now ?? 'geen'}` : ''}`,
        en: `${who} moved the case from version ${from} to version ${to} of its case type${moved ? `; deadline ${was ?? 'none'} → ${now ?? 'none'}` : ''}`,
      };
    }
    case 'case.updated': {
      const names = changes.map((change) => leaf(change.field)).join(', ');
      return { nl: `${who} heeft ${names} gewijzigd`, en: `${who} changed ${names}` };
    }
    case 'case.phase-changed': {
      const from = nameOf(before.phase) ?? '?';
      const to = nameOf(after.phase) ?? '?';
      return { nl: `Fase gewijzigd van ${from} naar ${to}`, en: `Phase changed from ${from} to ${to}` };
    }
    case 'case.checklist-ticked': {
      const [change] = changes;
      const item = change ? leaf(change.field) : '?';
      return change?.after === true
        ? { nl: `${who} heeft checklistpunt ${item} afgevinkt`, en: `${who} ticked checklist item ${item}` }
        : { nl: `${who} heeft checklistpunt ${item} weer opengezet`, en: `${who} unticked checklist item ${item}` };
    }
    case 'case.suspended':
    case 'case.resumed':
    case 'case.extended':
      return deadlineSummary(event.type, who, before, after);
    case 'case.task-created':
    case 'case.task-completed':
    case 'case.task-accepted':
    case 'case.task-declined':
    case 'case.task-cancelled':
    case 'case.task-reassigned':
      return taskSummary(event.type, who, before, after);
    case 'case.closed':
    case 'case.reopened':
    case 'case.archive-set':
    case 'case.linked':
    case 'case.unlinked':
      return lifecycleSummary(event.type, who, before, after);
    case 'case.shared':
    case 'case.share-revoked':
      return shareSummary(event.type, who, before, after);
    case 'case.deadline-recomputed':
      return recomputedDeadlineSummary(before, after);
    case 'document.added':
    case 'document.version-added':
    case 'document.version-synced':
    case 'document.version-restored':
    case 'document.checked-out':
    case 'document.checked-in':
    case 'document.shared':
    case 'document.share-revoked':
      return documentSummary(event.type, who, after);
    default:
      if (event.type.startsWith('signal.')) return signalSummary(after.signal);
      return { nl: `${who}: ${event.type}`, en: `${who}: ${event.type}` };
  }
}

/**
 * An event as a timeline entry. The person named is whom it was done for: when the bot acted for
 * Sanne, the timeline says Sanne (and keeps the bot as `actor`).
 */
export function renderTimelineEntry(event: CaseEvent): TimelineEntry {
  const who = event.onBehalfOf?.name ?? event.actor.name;
  const changes = changesOf(event);
  return {
    sequence: event.sequence,
    type: event.type,
    occurredAt: event.occurredAt,
    actor: { id: event.actor.id, name: event.actor.name },
    ...(event.onBehalfOf ? { onBehalfOf: event.onBehalfOf } : {}),
    channel: event.channel,
    summary: summaryOf(event, who, changes),
    changes,
  };
}
