import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { eventChannels, genesisHead, isOccurredAt, type CaseEvent, type CaseEventDraft, type ChainHead } from './case-event';

/** SHA-256 (lower-case hex) over the canonical JSON of the event without its own `hash`. */
export function hashEvent(event: Omit<CaseEvent, 'hash'> | CaseEvent): string {
  // Destructure so a stored hash never feeds into its own computation.
  const { hash: _ignored, ...rest } = event as CaseEvent;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

export class InvalidEventDraft extends Error {
  readonly code = 'events.invalid-draft';
  constructor(
    readonly index: number,
    reason: string,
  ) {
    super(`event draft ${index}: ${reason}`);
    this.name = 'InvalidEventDraft';
  }
}

/**
 * Turns drafts into chained events after `head`: sequences head.sequence+1.., each linked to the
 * hash of the one before. Pure; the store writes the result in the same transaction as the change.
 */
export function chainEvents(caseId: string, head: ChainHead, drafts: readonly CaseEventDraft[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  let previous = head;
  drafts.forEach((draft, index) => {
    checkDraft(draft, index);
    const unhashed: Omit<CaseEvent, 'hash'> = {
      caseId,
      sequence: previous.sequence + 1,
      type: draft.type,
      occurredAt: draft.occurredAt,
      actor: draft.actor,
      ...(draft.onBehalfOf ? { onBehalfOf: draft.onBehalfOf } : {}),
      channel: draft.channel,
      data: draft.data,
      previousHash: previous.hash,
    };
    const event = { ...unhashed, hash: hashEvent(unhashed) };
    events.push(event);
    previous = { sequence: event.sequence, hash: event.hash };
  });
  return events;
}

function checkDraft(draft: CaseEventDraft, index: number): void {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(draft.type)) {
    throw new InvalidEventDraft(index, `type "${draft.type}" is not dotted lower-case (e.g. case.registered)`);
  }
  if (!isOccurredAt(draft.occurredAt)) throw new InvalidEventDraft(index, 'occurredAt is not an ISO UTC instant with ms');
  if (!eventChannels.includes(draft.channel)) throw new InvalidEventDraft(index, `unknown channel "${draft.channel}"`);
  if (!draft.actor.id || !draft.actor.name) throw new InvalidEventDraft(index, 'actor needs an id and a name');
}

export type ChainVerdict = { ok: true; count: number; head: ChainHead } | { ok: false; brokenAt: number; reason: ChainBreak };

/**
 * - `sequence-gap`: the event at this position does not carry the expected sequence (deleted, reordered or inserted events);
 * - `previous-hash-mismatch`: its previousHash is not the hash of the event before it;
 * - `hash-mismatch`: its content no longer matches its own hash (a field was changed);
 * - `head-mismatch`: the chain verifies but ends elsewhere than the case row says (events cut off the end).
 */
export type ChainBreak = 'sequence-gap' | 'previous-hash-mismatch' | 'hash-mismatch' | 'head-mismatch';

/**
 * Checks a case's events in stored order, from sequence 1, and reports the first broken link by the
 * sequence where the chain stops being right. With `expectedHead` (what the case row records) it also
 * catches events removed from the end, which the chain alone cannot show.
 */
export function verifyChain(events: readonly CaseEvent[], expectedHead?: ChainHead): ChainVerdict {
  let previous: ChainHead = genesisHead;
  for (const event of events) {
    const expected = previous.sequence + 1;
    if (event.sequence !== expected) return { ok: false, brokenAt: expected, reason: 'sequence-gap' };
    if (event.previousHash !== previous.hash) return { ok: false, brokenAt: expected, reason: 'previous-hash-mismatch' };
    if (safeHash(event) !== event.hash) return { ok: false, brokenAt: expected, reason: 'hash-mismatch' };
    previous = { sequence: event.sequence, hash: event.hash };
  }
  if (expectedHead && (expectedHead.sequence !== previous.sequence || expectedHead.hash !== previous.hash)) {
    // Same length but another last hash: the last event was rewritten; otherwise the first sequence one side lacks.
    const brokenAt =
      expectedHead.sequence === previous.sequence ? previous.sequence : Math.min(previous.sequence, expectedHead.sequence) + 1;
    return { ok: false, brokenAt, reason: 'head-mismatch' };
  }
  return { ok: true, count: events.length, head: previous };
}

/** A tampered event may not even serialise (e.g. a number turned into NaN): that is a mismatch, not a crash. */
function safeHash(event: CaseEvent): string | null {
  try {
    return hashEvent(event);
  } catch {
    return null;
  }
}
