import { defaultAccessSettings, resolveActor, seesLinked } from '../../domain/access';
import type { CaseLink, CaseState } from '../../domain/cases';
import type { CaseEvent } from '../../domain/events';
import type { EventLog } from '../../ports/event-log';
import { presentCase } from '../../http/presenters/case.presenter';
import { aCaseState } from '../../test-support/a-case-state';
import { getCaseTimeline } from './get-case-timeline';

/** A reader of klacht cases up to intern (a handler's group grant), judged on 2026-03-10. */
const reader = resolveActor(
  { id: 'oid-kees', name: 'Kees', roles: [], groups: ['klacht-lezers'] },
  [
    {
      key: 'klacht',
      confidentiality: 'intern',
      access: [{ group: 'klacht-lezers', role: 'reader', maxConfidentiality: 'intern' }],
    },
  ],
  defaultAccessSettings,
  '2026-03-10T10:00:00.000Z',
);
const open: CaseLink = {
  kind: 'related',
  caseId: 'c-2',
  number: 'ZAAK-2026-000002',
  caseType: 'klacht',
  confidentiality: 'intern',
};
const secret: CaseLink = {
  kind: 'related',
  caseId: 'c-3',
  number: 'ZAAK-2026-000003',
  caseType: 'klacht',
  confidentiality: 'geheim',
};

describe('linked cases above the reader’s ceiling', () => {
  it('are visible as links only within the ceiling of their type (older links without a level stay visible)', () => {
    expect(seesLinked(reader, open)).toBe(true);
    expect(seesLinked(reader, secret)).toBe(false);
    const older: CaseLink = { kind: 'related', caseId: 'c-4', number: 'ZAAK-2026-000004' };
    expect(seesLinked(reader, older)).toBe(true);
  });

  it('are left out of the case as presented', () => {
    const state: CaseState = aCaseState({
      caseType: { key: 'klacht', version: 1, name: 'Klacht' },
      confidentiality: 'intern',
      links: [open, secret],
    });
    expect(presentCase(state, 'W/"1"', reader).links.map((link) => link.number)).toEqual(['ZAAK-2026-000002']);
  });

  it('are left out of the timeline: their link events are not shown', async () => {
    const state = aCaseState({ id: 'c-1', caseType: { key: 'klacht', version: 1, name: 'Klacht' }, confidentiality: 'intern' });
    const linked = (sequence: number, link: CaseLink): CaseEvent =>
      ({
        caseId: 'c-1',
        sequence,
        type: 'case.linked',
        occurredAt: '2026-03-02T10:00:00.000Z',
        actor: { id: 'oid-fatima', name: 'Fatima' },
        channel: 'tab',
        data: { before: { link: null }, after: { link } },
        previousHash: 'p',
        hash: 'h',
      }) as unknown as CaseEvent;
    const eventLog: Pick<EventLog, 'listEvents'> = {
      listEvents: () => Promise.resolve({ events: [linked(3, secret), linked(2, open)], nextCursor: null }),
    };
    const caseStore = { load: () => Promise.resolve({ state, etag: 'W/"3"', lastSequence: 3, lastHash: 'h' }) };
    const page = await getCaseTimeline({ caseStore, eventLog } as never, 'c-1', { limit: 50 }, undefined, (link) =>
      seesLinked(reader, link),
    );
    expect(page.items.map((item) => item.sequence)).toEqual([2]);
  });
});
