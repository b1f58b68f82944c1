import type { CaseEventDraft, JsonValue } from '../events';
import { DomainError } from '../errors';
import type { CaseShare, CaseState } from './case-state';
import type { ChangeStamp, Transition } from './case-transitions';
import { type Json, isObject } from '../events/summary-text';

/** Longest share: access beyond this is a grant on the case type, not a share. */
export const maxShareDays = 365;

const shareEvent = (stamp: ChangeStamp, type: string, before: JsonValue, after: JsonValue): CaseEventDraft => ({
  type,
  occurredAt: stamp.occurredAt,
  actor: stamp.actor,
  ...(stamp.onBehalfOf ? { onBehalfOf: stamp.onBehalfOf } : {}),
  channel: stamp.channel,
  data: { before: { share: before }, after: { share: after } },
});

/** 422: a share must end after now and within a year. */
export const shareExpiryInvalid = (message: string) => new DomainError('rule-violation', 'case.share-expiry-invalid', message);
/** 404: no share with that id on this case. */
export const shareNotFound = (id: string) => new DomainError('not-found', 'case.share-not-found', `There is no share ${id}`);

/** Shares the case with one person until `expiresAt`; a new share for the same person replaces theirs. */
export function shareCase(state: CaseState, share: Omit<CaseShare, 'createdBy' | 'createdAt'>, stamp: ChangeStamp): Transition {
  const days = (Date.parse(share.expiresAt) - Date.parse(stamp.occurredAt)) / 86_400_000;
  if (!(days > 0)) throw shareExpiryInvalid('expiresAt must be in the future');
  if (days > maxShareDays) throw shareExpiryInvalid(`A share lasts at most ${maxShareDays} days`);
  const created: CaseShare = { ...share, createdBy: { id: stamp.actor.id, name: stamp.actor.name }, createdAt: stamp.occurredAt };
  if (stamp.onBehalfOf) created.createdBy = stamp.onBehalfOf;
  const replaced = state.shares.find((s) => s.user.id === share.user.id) ?? null;
  const shares = [...state.shares.filter((s) => s.user.id !== share.user.id), created];
  return {
    state: { ...state, shares, updatedAt: stamp.occurredAt },
    events: [shareEvent(stamp, 'case.shared', replaced, created)],
  };
}

/** Ends a share now (the record of it stays in the events). */
export function revokeShare(state: CaseState, shareId: string, stamp: ChangeStamp): Transition {
  const share = state.shares.find((s) => s.id === shareId);
  if (!share) throw shareNotFound(shareId);
  return {
    state: { ...state, shares: state.shares.filter((s) => s.id !== shareId), updatedAt: stamp.occurredAt },
    events: [shareEvent(stamp, 'case.share-revoked', share, null)],
  };
}

/** Timeline lines of the share events, in Dutch and English. */
export function shareSummary(type: string, who: string, before: Json, after: Json): { nl: string; en: string } {
  const share = type === 'case.shared' ? after.share : before.share;
  const user = isObject(share) && isObject(share.user) && typeof share.user.name === 'string' ? share.user.name : '?';
  const until = isObject(share) && typeof share.expiresAt === 'string' ? share.expiresAt.slice(0, 10) : '?';
  const write = isObject(share) && share.access === 'write';
  if (type === 'case.shared') {
    return write
      ? {
          nl: `${who} heeft de zaak tot ${until} gedeeld met ${user} (lezen en bewerken)`,
          en: `${who} shared the case with ${user} until ${until} (read and edit)`,
        }
      : {
          nl: `${who} heeft de zaak tot ${until} gedeeld met ${user} (lezen)`,
          en: `${who} shared the case with ${user} until ${until} (read)`,
        };
  }
  return { nl: `${who} heeft het delen met ${user} beëindigd`, en: `${who} stopped sharing the case with ${user}` };
}
