import type { CaseEvent, JsonValue } from '../events';
import { renderTimelineEntry } from './timeline';

const sanne = { id: 'u-1', name: 'Sanne de Vries' };

const anEvent = (type: string, before: JsonValue | undefined, after: JsonValue): CaseEvent => ({
  caseId: 'case-1',
  sequence: 4,
  type,
  occurredAt: '2026-03-03T10:00:00.000Z',
  actor: { ...sanne, kind: 'user' },
  channel: 'tab',
  data: before === undefined ? { after } : { before, after },
  previousHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});

describe('rendering a timeline entry', () => {
  it.each([
    {
      event: anEvent('case.registered', undefined, { title: 'Dakkapel' }),
      nl: 'Sanne de Vries heeft de zaak geregistreerd',
      en: 'Sanne de Vries registered the case',
    },
    {
      event: anEvent('case.taken', { assignee: null }, { assignee: sanne }),
      nl: 'Sanne de Vries heeft de zaak in behandeling genomen',
      en: 'Sanne de Vries took the case',
    },
    {
      event: anEvent('case.assigned', { assignee: null }, { assignee: { id: 'u-2', name: 'Piet Jansen' } }),
      nl: 'Sanne de Vries heeft de zaak toegewezen aan Piet Jansen',
      en: 'Sanne de Vries assigned the case to Piet Jansen',
    },
    {
      event: anEvent('case.released', { assignee: sanne }, { assignee: null }),
      nl: 'Sanne de Vries heeft de zaak vrijgegeven',
      en: 'Sanne de Vries released the case',
    },
    {
      event: anEvent(
        'case.migrated',
        { caseType: { key: 'klacht', version: 1, name: 'Klacht' } },
        { caseType: { key: 'klacht', version: 3, name: 'Klacht' } },
      ),
      nl: 'Sanne de Vries heeft de zaak overgezet van versie 1 naar versie 3 van het zaaktype',
      en: 'Sanne de Vries moved the case from version 1 to version 3 of its case type',
    },
    {
      event: anEvent('case.updated', { title: 'A', 'fields.locatie': null }, { title: 'B', 'fields.locatie': 'Dorpsstraat 1' }),
      nl: 'Sanne de Vries heeft title, locatie gewijzigd',
      en: 'Sanne de Vries changed title, locatie',
    },
    {
      event: anEvent(
        'case.phase-changed',
        { phase: { key: 'intake', name: 'Intake' } },
        { phase: { key: 'beoordeling', name: 'Beoordeling' } },
      ),
      nl: 'Fase gewijzigd van Intake naar Beoordeling',
      en: 'Phase changed from Intake to Beoordeling',
    },
    {
      event: anEvent('case.checklist-ticked', { 'checklist.intake.volledig': false }, { 'checklist.intake.volledig': true }),
      nl: 'Sanne de Vries heeft checklistpunt volledig afgevinkt',
      en: 'Sanne de Vries ticked checklist item volledig',
    },
    {
      event: anEvent('case.checklist-ticked', { 'checklist.intake.volledig': true }, { 'checklist.intake.volledig': false }),
      nl: 'Sanne de Vries heeft checklistpunt volledig weer opengezet',
      en: 'Sanne de Vries unticked checklist item volledig',
    },
    { event: anEvent('task.answered', {}, {}), nl: 'Sanne de Vries: task.answered', en: 'Sanne de Vries: task.answered' },
  ])('says "$nl" for $event.type', ({ event, nl, en }) => {
    expect(renderTimelineEntry(event).summary).toEqual({ nl, en });
  });

  it('lists each changed field with before and after, and keeps the event bookkeeping', () => {
    const entry = renderTimelineEntry(anEvent('case.updated', { title: 'A' }, { title: 'B' }));
    expect(entry).toEqual({
      sequence: 4,
      type: 'case.updated',
      occurredAt: '2026-03-03T10:00:00.000Z',
      actor: sanne,
      channel: 'tab',
      summary: { nl: 'Sanne de Vries heeft title gewijzigd', en: 'Sanne de Vries changed title' },
      changes: [{ field: 'title', before: 'A', after: 'B' }],
    });
  });

  it('names the user the bot acted for, and keeps the bot as actor', () => {
    const event = {
      ...anEvent('case.taken', { assignee: null }, { assignee: sanne }),
      actor: { id: 'bot', name: 'Zaakwerk bot', kind: 'app' as const },
      onBehalfOf: sanne,
      channel: 'bot' as const,
    };
    const entry = renderTimelineEntry(event);
    expect(entry.summary.nl).toBe('Sanne de Vries heeft de zaak in behandeling genomen');
    expect(entry.actor).toEqual({ id: 'bot', name: 'Zaakwerk bot' });
    expect(entry.onBehalfOf).toEqual(sanne);
  });

  it('lists no changes for a registration (it has no before)', () => {
    expect(renderTimelineEntry(anEvent('case.registered', undefined, { title: 'x' })).changes).toEqual([]);
  });
});
