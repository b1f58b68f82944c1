import type { JsonValue } from './canonical-json';

/** Who did it. `app` is an application acting on its own (e.g. a portal); `system` a timer or projector. */
export interface EventActor {
  id: string;
  name: string;
  kind: 'user' | 'system' | 'app';
}

export const eventChannels = ['tab', 'bot', 'email', 'portal', 'api', 'system'] as const;
export type EventChannel = (typeof eventChannels)[number];

/** Before → after of what changed (DUTCH-RULES §5): plain JSON, only the parts that changed. */
export interface EventData {
  before?: JsonValue;
  after?: JsonValue;
}

/**
 * One entry of a case's append-only audit trail. `sequence` runs 1..n without gaps per case; `hash`
 * is the SHA-256 (hex) of the canonical JSON of every other field, `previousHash` the hash of the
 * event before it (the genesis hash for sequence 1), so changing, removing or inserting an event breaks
 * the chain at that point.
 */
export interface CaseEvent {
  caseId: string;
  sequence: number;
  /** Dotted, past tense: `case.registered`, `case.assigned`, `task.answered`. */
  type: string;
  /** ISO 8601 UTC with milliseconds (`2026-03-01T09:30:00.000Z`), from the one clock. */
  occurredAt: string;
  actor: EventActor;
  /** The user an app acted for (e.g. the bot for a Teams user); absent when the actor acted for itself. */
  onBehalfOf?: { id: string; name: string };
  channel: EventChannel;
  data: EventData;
  previousHash: string;
  hash: string;
}

/** What a use case writes; the store assigns caseId, sequence and the hashes when it commits. */
export type CaseEventDraft = Omit<CaseEvent, 'caseId' | 'sequence' | 'previousHash' | 'hash'>;

/** Where a case's chain currently ends: sequence 0 and the genesis hash before the first event. */
export interface ChainHead {
  sequence: number;
  hash: string;
}

/** previousHash of a case's first event: 64 zeros (SHA-256 width), a value no real hash has in practice. */
export const genesisHash = '0'.repeat(64);
export const genesisHead: ChainHead = { sequence: 0, hash: genesisHash };

const utcInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The one timestamp format of events: what Date#toISOString gives (UTC, milliseconds). */
export const toOccurredAt = (instant: Date): string => instant.toISOString();

export const isOccurredAt = (value: string): boolean => utcInstant.test(value) && !Number.isNaN(Date.parse(value));
