import { genesisHash, genesisHead, type CaseEvent, type CaseEventDraft } from './case-event';
import { chainEvents, hashEvent, InvalidEventDraft, verifyChain } from './hash-chain';

const caseId = 'c0ffee00-0000-4000-8000-000000000001';

const aDraft = (n: number, overrides: Partial<CaseEventDraft> = {}): CaseEventDraft => ({
  type: n === 1 ? 'case.registered' : 'case.field-updated',
  occurredAt: new Date(Date.UTC(2026, 2, 1, 9, 0, n)).toISOString(),
  actor: { id: 'b0000001-5a1e-4d2c-9f00-000000000001', name: 'Sanne de Vries', kind: 'user' },
  channel: 'tab',
  data: { before: { amount: n - 1 }, after: { amount: n } },
  ...overrides,
});

const aChain = (length = 5): CaseEvent[] =>
  chainEvents(
    caseId,
    genesisHead,
    Array.from({ length }, (_, i) => aDraft(i + 1)),
  );

/** Field changes an attacker could make to one stored event, and what the verifier must report. */
const tamperings: [string, (e: CaseEvent) => CaseEvent, string][] = [
  ['type', (e) => ({ ...e, type: 'case.closed' }), 'hash-mismatch'],
  ['occurredAt', (e) => ({ ...e, occurredAt: '2025-01-01T00:00:00.000Z' }), 'hash-mismatch'],
  ['actor.id', (e) => ({ ...e, actor: { ...e.actor, id: 'someone-else' } }), 'hash-mismatch'],
  ['actor.name', (e) => ({ ...e, actor: { ...e.actor, name: 'Daan Bakker' } }), 'hash-mismatch'],
  ['actor.kind', (e) => ({ ...e, actor: { ...e.actor, kind: 'system' } }), 'hash-mismatch'],
  ['onBehalfOf (added)', (e) => ({ ...e, onBehalfOf: { id: 'x', name: 'X' } }), 'hash-mismatch'],
  ['channel', (e) => ({ ...e, channel: 'bot' }), 'hash-mismatch'],
  ['data.before', (e) => ({ ...e, data: { ...e.data, before: { amount: 999 } } }), 'hash-mismatch'],
  ['data.after (removed)', (e) => ({ ...e, data: { before: e.data.before } }), 'hash-mismatch'],
  ['caseId', (e) => ({ ...e, caseId: 'another-case' }), 'hash-mismatch'],
  ['hash', (e) => ({ ...e, hash: 'f'.repeat(64) }), 'hash-mismatch'],
  ['previousHash', (e) => ({ ...e, previousHash: 'a'.repeat(64) }), 'previous-hash-mismatch'],
  ['sequence', (e) => ({ ...e, sequence: e.sequence + 10 }), 'sequence-gap'],
];

describe('the event hash chain', () => {
  it('starts at sequence 1 with the genesis hash and links each event to the one before', () => {
    const events = aChain(3);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(events[0]?.previousHash).toBe(genesisHash);
    expect(events[1]?.previousHash).toBe(events[0]?.hash);
    expect(events[2]?.previousHash).toBe(events[1]?.hash);
    expect(events[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the event without its own hash, independent of key order', () => {
    const [first] = aChain(1);
    if (!first) throw new Error('no event');
    const { hash, ...rest } = first;
    const reordered = Object.fromEntries(Object.entries(rest).reverse()) as Omit<CaseEvent, 'hash'>;
    expect(hashEvent(reordered)).toBe(hash);
    expect(hashEvent(first)).toBe(hash);
  });

  it('continues an existing chain from its head', () => {
    const firstPart = aChain(2);
    const last = firstPart[1];
    if (!last) throw new Error('no event');
    const rest = chainEvents(caseId, { sequence: last.sequence, hash: last.hash }, [aDraft(3)]);
    expect(rest[0]).toMatchObject({ sequence: 3, previousHash: last.hash });
    expect(verifyChain([...firstPart, ...rest])).toEqual({ ok: true, count: 3, head: { sequence: 3, hash: rest[0]?.hash } });
  });

  it('verifies an untouched chain and an empty one', () => {
    expect(verifyChain(aChain(5))).toMatchObject({ ok: true, count: 5 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: genesisHead });
  });

  describe.each(tamperings)('a change to %s', (_field, tamper, reason) => {
    it.each([1, 2, 3, 4, 5])('of event %i is found at that sequence', (sequence) => {
      const events = aChain(5).map((e) => (e.sequence === sequence ? tamper(e) : e));
      expect(verifyChain(events)).toEqual({ ok: false, brokenAt: sequence, reason });
    });
  });

  it('finds two events swapped at the first of them', () => {
    const [a, b, c, d, e] = aChain(5) as [CaseEvent, CaseEvent, CaseEvent, CaseEvent, CaseEvent];
    expect(verifyChain([a, b, d, c, e])).toEqual({ ok: false, brokenAt: 3, reason: 'sequence-gap' });
  });

  it('finds a deleted event at its sequence', () => {
    const events = aChain(5).filter((e) => e.sequence !== 2);
    expect(verifyChain(events)).toEqual({ ok: false, brokenAt: 2, reason: 'sequence-gap' });
  });

  it('finds a deleted event even when the later ones are renumbered', () => {
    const events = aChain(5)
      .filter((e) => e.sequence !== 2)
      .map((e) => (e.sequence > 2 ? { ...e, sequence: e.sequence - 1 } : e));
    expect(verifyChain(events)).toEqual({ ok: false, brokenAt: 2, reason: 'previous-hash-mismatch' });
  });

  it('finds an inserted, correctly hashed event where the original chain no longer links', () => {
    const events = aChain(5);
    const [forged] = chainEvents(caseId, { sequence: 2, hash: events[1]?.hash ?? '' }, [aDraft(3, { type: 'case.closed' })]);
    if (!forged) throw new Error('no event');
    const withInsert = [...events.slice(0, 2), forged, ...events.slice(2)];
    expect(verifyChain(withInsert)).toEqual({ ok: false, brokenAt: 4, reason: 'sequence-gap' });
    const renumbered = [...events.slice(0, 2), forged, ...events.slice(2).map((e) => ({ ...e, sequence: e.sequence + 1 }))];
    expect(verifyChain(renumbered)).toEqual({ ok: false, brokenAt: 4, reason: 'previous-hash-mismatch' });
  });

  it('finds events cut off the end only against the head the case row records', () => {
    const events = aChain(5);
    const head = { sequence: 5, hash: events[4]?.hash ?? '' };
    expect(verifyChain(events.slice(0, 3))).toMatchObject({ ok: true });
    expect(verifyChain(events.slice(0, 3), head)).toEqual({ ok: false, brokenAt: 4, reason: 'head-mismatch' });
    expect(verifyChain(events, { sequence: 3, hash: events[2]?.hash ?? '' })).toEqual({
      ok: false,
      brokenAt: 4,
      reason: 'head-mismatch',
    });
    expect(verifyChain(events, head)).toMatchObject({ ok: true, count: 5 });
  });

  it('reports a tampered value that cannot even be serialised as a hash mismatch', () => {
    const events = aChain(2).map((e) => (e.sequence === 2 ? { ...e, data: { after: Number.NaN } } : e));
    expect(verifyChain(events)).toEqual({ ok: false, brokenAt: 2, reason: 'hash-mismatch' });
  });

  it.each<[string, Partial<CaseEventDraft>]>([
    ['a type that is not dotted', { type: 'registered' }],
    ['a local time', { occurredAt: '2026-03-01T10:00:00+01:00' }],
    ['an unknown channel', { channel: 'fax' as CaseEventDraft['channel'] }],
    ['an actor without a name', { actor: { id: 'x', name: '', kind: 'user' } }],
  ])('refuses a draft with %s', (_what, overrides) => {
    expect(() => chainEvents(caseId, genesisHead, [aDraft(1), aDraft(2, overrides)])).toThrow(InvalidEventDraft);
  });
});
