import { aCase, aStamp } from '../../test-support/lifecycle-case';
import { renderTimelineEntry } from './timeline';
import { revokeShare, shareCase } from './share-transitions';
import type { CaseEvent } from '../events';

const joost = { id: 'u-8', name: 'Joost Mulder' };
const aShare = (expiresAt: string, access: 'read' | 'write' = 'read') => ({
  id: 's-1',
  user: joost,
  access,
  expiresAt,
  reason: 'advies',
});
const asEvent = (draft: Omit<CaseEvent, 'sequence' | 'caseId' | 'hash' | 'previousHash'>) =>
  ({ ...draft, sequence: 2, caseId: 'case-1', hash: 'h', previousHash: 'p' }) as unknown as CaseEvent;

describe('sharing a case', () => {
  it('adds the share with who made it and when, and records it as case.shared', () => {
    const { state, events } = shareCase(aCase(), aShare('2026-03-10T00:00:00.000Z'), aStamp());
    expect(state.shares).toEqual([
      { ...aShare('2026-03-10T00:00:00.000Z'), createdBy: { id: 'u-1', name: 'Sanne de Vries' }, createdAt: aStamp().occurredAt },
    ]);
    expect(events.map((e) => e.type)).toEqual(['case.shared']);
  });

  it('replaces an earlier share with the same person instead of adding a second one', () => {
    const first = shareCase(aCase(), aShare('2026-03-10T00:00:00.000Z'), aStamp()).state;
    const second = shareCase(first, { ...aShare('2026-04-01T00:00:00.000Z', 'write'), id: 's-2' }, aStamp());
    expect(second.state.shares.map((s) => [s.id, s.access])).toEqual([['s-2', 'write']]);
  });

  it.each([
    ['in the past', '2026-03-03T09:59:59.000Z'],
    ['more than a year ahead', '2027-03-04T10:00:01.000Z'],
  ])('refuses an expiry %s with 422 case.share-expiry-invalid', (_what, expiresAt) => {
    expect(() => shareCase(aCase(), aShare(expiresAt), aStamp())).toThrow(
      expect.objectContaining({ kind: 'rule-violation', code: 'case.share-expiry-invalid' }),
    );
  });

  it('revokes a share by id and answers not-found for an unknown one', () => {
    const shared = shareCase(aCase(), aShare('2026-03-10T00:00:00.000Z'), aStamp()).state;
    const revoked = revokeShare(shared, 's-1', aStamp());
    expect(revoked.state.shares).toEqual([]);
    expect(revoked.events.map((e) => e.type)).toEqual(['case.share-revoked']);
    expect(() => revokeShare(shared, 's-9', aStamp())).toThrow(expect.objectContaining({ code: 'case.share-not-found' }));
  });

  it('tells the timeline who shared with whom until when, in Dutch and English', () => {
    const shared = shareCase(aCase(), aShare('2026-03-10T00:00:00.000Z', 'write'), aStamp());
    const [event] = shared.events;
    if (!event) throw new Error('one event');
    expect(renderTimelineEntry(asEvent(event)).summary).toEqual({
      nl: 'Sanne de Vries heeft de zaak tot 2026-03-10 gedeeld met Joost Mulder (lezen en bewerken)',
      en: 'Sanne de Vries shared the case with Joost Mulder until 2026-03-10 (read and edit)',
    });
    const [revoked] = revokeShare(shared.state, 's-1', aStamp()).events;
    if (!revoked) throw new Error('one event');
    expect(renderTimelineEntry(asEvent(revoked)).summary).toEqual({
      nl: 'Sanne de Vries heeft het delen met Joost Mulder beëindigd',
      en: 'Sanne de Vries stopped sharing the case with Joost Mulder',
    });
  });
});
