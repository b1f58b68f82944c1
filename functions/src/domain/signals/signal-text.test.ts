import type { CaseEvent, JsonValue } from '../events';
import { renderTimelineEntry } from '../cases/timeline';

const signalEvent = (kind: string, signal: { [key: string]: JsonValue }): CaseEvent => ({
  caseId: 'case-1',
  sequence: 7,
  type: `signal.${kind}`,
  occurredAt: '2026-03-17T06:00:00.000Z',
  actor: { id: 'zaakwerk-signals', name: 'Zaakwerk signalering', kind: 'system' },
  channel: 'system',
  data: { before: { signalled: null }, after: { signal: { kind, ...signal } } },
  previousHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});
const task = { id: 'case-1.1', title: 'Advies welstand' };

describe('signals on the timeline', () => {
  it.each([
    [
      signalEvent('deadline-at-risk', { basis: '2026-03-20' }),
      'Signaal: de uiterste datum 20 maart 2026 komt in gevaar',
      'Signal: the deadline of 20 March 2026 is at risk',
    ],
    [
      signalEvent('deadline-overdue', { basis: '2026-03-20' }),
      'Signaal: de uiterste datum 20 maart 2026 is verstreken',
      'Signal: the deadline of 20 March 2026 has passed',
    ],
    [
      signalEvent('task-overdue', { basis: '2026-03-10', task }),
      'Signaal: taak "Advies welstand" had klaar moeten zijn op 10 maart 2026',
      'Signal: task "Advies welstand" was due on 10 March 2026',
    ],
    [
      signalEvent('task-reminder', { basis: '2026-03-06', task }),
      'Herinnering: taak "Advies welstand" (herinneren op 6 maart 2026)',
      'Reminder: task "Advies welstand" (remind on 6 March 2026)',
    ],
    [
      signalEvent('suspension-lapsed', { basis: '2026-03-24' }),
      'Signaal: de aanvultermijn van de aanvrager (tot en met 24 maart 2026) is verstreken',
      "Signal: the applicant's term to supplement (through 24 March 2026) has lapsed",
    ],
  ])('renders %#: "%s" / "%s"', (event, nl, en) => {
    const entry = renderTimelineEntry(event);
    expect(entry.summary).toEqual({ nl, en });
    expect(entry.actor).toEqual({ id: 'zaakwerk-signals', name: 'Zaakwerk signalering' });
    expect(entry.channel).toBe('system');
  });
});
