import type { CaseEvent, JsonValue } from '../events';
import { renderTimelineEntry } from './timeline';

const anEvent = (type: string, before: JsonValue, after: JsonValue, who = 'Sanne de Vries'): CaseEvent => ({
  caseId: 'case-1',
  sequence: 7,
  type,
  occurredAt: '2026-03-03T10:00:00.000Z',
  actor: { id: 'u-1', name: who, kind: 'user' },
  channel: 'tab',
  data: { before, after },
  previousHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});
const joost = { id: 'u-j', name: 'Joost Mulder' };
const task = (extra: { [key: string]: JsonValue } = {}) => ({
  id: 'case-1.1',
  kind: 'consultation',
  title: 'Constructie',
  status: 'open',
  assignee: joost,
  ...extra,
});

describe('timeline: task events in Dutch and English', () => {
  it.each([
    {
      event: anEvent('case.task-created', { task: null }, { task: task() }),
      nl: "Sanne de Vries heeft adviesvraag 'Constructie' uitgezet bij Joost Mulder",
      en: "Sanne de Vries created consultation 'Constructie' for Joost Mulder",
    },
    {
      event: anEvent(
        'case.task-created',
        { task: null },
        { task: task({ kind: 'informationRequest', title: 'Aanvullen', assignee: null }) },
      ),
      nl: "Sanne de Vries heeft informatieverzoek aan de aanvrager 'Aanvullen' aangemaakt",
      en: "Sanne de Vries created information request to the applicant 'Aanvullen'",
    },
    {
      event: anEvent(
        'case.task-completed',
        { task: task() },
        { task: task({ status: 'completed', response: 'Geen bezwaar' }) },
        'Joost Mulder',
      ),
      nl: "Joost Mulder heeft adviesvraag 'Constructie' beantwoord: Geen bezwaar",
      en: "Joost Mulder answered consultation 'Constructie': Geen bezwaar",
    },
    {
      event: anEvent(
        'case.task-completed',
        { task: task({ kind: 'approval', title: 'Accordering' }) },
        { task: task({ kind: 'approval', title: 'Accordering', status: 'completed', decision: 'approved', response: null }) },
        'Fatima El Amrani',
      ),
      nl: "Fatima El Amrani heeft 'Accordering' goedgekeurd",
      en: "Fatima El Amrani approved 'Accordering'",
    },
    {
      event: anEvent(
        'case.task-completed',
        { task: task({ kind: 'approval', title: 'Accordering' }) },
        {
          task: task({ kind: 'approval', title: 'Accordering', status: 'completed', decision: 'rejected', response: 'Te hoog' }),
        },
        'Fatima El Amrani',
      ),
      nl: "Fatima El Amrani heeft 'Accordering' afgekeurd: Te hoog",
      en: "Fatima El Amrani rejected 'Accordering': Te hoog",
    },
    {
      event: anEvent(
        'case.task-accepted',
        { task: task({ kind: 'delegation' }) },
        { task: task({ kind: 'delegation', status: 'accepted' }) },
        'Joost Mulder',
      ),
      nl: "Joost Mulder heeft delegatie 'Constructie' aangenomen",
      en: "Joost Mulder accepted delegation 'Constructie'",
    },
    {
      event: anEvent(
        'case.task-declined',
        { task: task() },
        { task: task({ status: 'declined', response: 'Geen tijd' }) },
        'Joost Mulder',
      ),
      nl: "Joost Mulder heeft adviesvraag 'Constructie' afgewezen: Geen tijd",
      en: "Joost Mulder declined consultation 'Constructie': Geen tijd",
    },
    {
      event: anEvent('case.task-cancelled', { task: task() }, { task: task({ status: 'cancelled', reason: 'niet nodig' }) }),
      nl: "Sanne de Vries heeft adviesvraag 'Constructie' ingetrokken (niet nodig)",
      en: "Sanne de Vries cancelled consultation 'Constructie' (niet nodig)",
    },
    {
      event: anEvent('case.task-reassigned', { task: task() }, { task: task({ assignee: { id: 'u-d', name: 'Daan Bakker' } }) }),
      nl: "Sanne de Vries heeft adviesvraag 'Constructie' overgedragen aan Daan Bakker",
      en: "Sanne de Vries reassigned consultation 'Constructie' to Daan Bakker",
    },
    {
      event: anEvent('case.linked', { link: null }, { link: { kind: 'child', caseId: 'c2', number: 'ZAAK-2026-000002' } }),
      nl: 'Sanne de Vries heeft ZAAK-2026-000002 gekoppeld als deelzaak',
      en: 'Sanne de Vries linked ZAAK-2026-000002 as child case',
    },
    {
      event: anEvent('case.unlinked', { link: { kind: 'related', caseId: 'c2', number: 'ZAAK-2026-000002' } }, { link: null }),
      nl: 'Sanne de Vries heeft de koppeling met ZAAK-2026-000002 verwijderd',
      en: 'Sanne de Vries unlinked ZAAK-2026-000002',
    },
  ])('$event.type: $en', ({ event, nl, en }) => {
    expect(renderTimelineEntry(event).summary).toEqual({ nl, en });
  });
});

describe('timeline: registration with template tasks', () => {
  it('names the tasks the first phase made', () => {
    const event = anEvent('case.registered', {}, { title: 'Dakkapel', tasks: [task({ title: 'Aanvraag laten aanvullen' })] });
    expect(renderTimelineEntry(event).summary).toEqual({
      nl: "Sanne de Vries heeft de zaak geregistreerd; taken aangemaakt: 'Aanvraag laten aanvullen'",
      en: "Sanne de Vries registered the case; tasks created: 'Aanvraag laten aanvullen'",
    });
  });
});

describe('timeline: closing, reopening and archive in Dutch and English', () => {
  const archive = { action: 'destroy', actionDate: '2036-03-10', status: 'pending', reason: 'computed' };
  it.each([
    {
      event: anEvent(
        'case.closed',
        { status: 'open' },
        { status: 'closed', outcome: { key: 't', name: 'Toegekend' }, closedOn: '2026-03-10', archive },
      ),
      nl: 'Sanne de Vries heeft de zaak afgesloten met resultaat Toegekend op 10 maart 2026; archiefnominatie vernietigen per 10 maart 2036',
      en: 'Sanne de Vries closed the case with outcome Toegekend on 10 March 2026; archive action destroy on 10 March 2036',
    },
    {
      event: anEvent(
        'case.closed',
        { status: 'open' },
        {
          status: 'closed',
          outcome: { key: 'v', name: 'Verleend' },
          closedOn: '2026-03-10',
          archive: { action: 'retain', actionDate: null, reason: 'permanent' },
        },
      ),
      nl: 'Sanne de Vries heeft de zaak afgesloten met resultaat Verleend op 10 maart 2026; blijvend bewaren',
      en: 'Sanne de Vries closed the case with outcome Verleend on 10 March 2026; retained permanently',
    },
    {
      event: anEvent(
        'case.reopened',
        { status: 'closed', outcome: { key: 't', name: 'Toegekend' } },
        { status: 'open', reason: 'Bezwaar' },
      ),
      nl: 'Sanne de Vries heeft de zaak heropend (Bezwaar); resultaat Toegekend en archiefgegevens gewist',
      en: 'Sanne de Vries reopened the case (Bezwaar); outcome Toegekend and archive data cleared',
    },
    {
      event: anEvent(
        'case.archive-set',
        { archive: { action: 'destroy', actionDate: null } },
        { archive: { action: 'destroy', actionDate: '2029-02-28' }, reason: 'vervaldatum bekend' },
        'Marieke van den Berg',
      ),
      nl: 'Marieke van den Berg heeft de archiefgegevens bijgewerkt (vervaldatum bekend); archiefnominatie vernietigen per 28 februari 2029',
      en: 'Marieke van den Berg updated the archive data (vervaldatum bekend); archive action destroy on 28 February 2029',
    },
    {
      event: anEvent('case.linked', { link: null }, { link: { kind: 'child', caseId: 'c2', number: 'ZAAK-2026-000002' } }),
      nl: 'Sanne de Vries heeft ZAAK-2026-000002 gekoppeld als deelzaak',
      en: 'Sanne de Vries linked ZAAK-2026-000002 as child case',
    },
    {
      event: anEvent('case.unlinked', { link: { kind: 'related', caseId: 'c2', number: 'ZAAK-2026-000002' } }, { link: null }),
      nl: 'Sanne de Vries heeft de koppeling met ZAAK-2026-000002 verwijderd',
      en: 'Sanne de Vries unlinked ZAAK-2026-000002',
    },
  ])('$event.type: $en', ({ event, nl, en }) => {
    expect(renderTimelineEntry(event).summary).toEqual({ nl, en });
  });
});
