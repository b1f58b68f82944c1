import { DomainError } from '../errors';
import type { CaseEventDraft, JsonValue } from '../events';
import type { CaseLink, CaseState } from './case-state';
import type { ChangeStamp, Transition } from './case-transitions';

/** The other side's view of a link: my parent sees me as its child, related stays related. */
export const inverseLinkKind = (kind: CaseLink['kind']): CaseLink['kind'] =>
  kind === 'parent' ? 'child' : kind === 'child' ? 'parent' : 'related';

export const linkToItself = () => new DomainError('rule-violation', 'case.link-to-itself', 'A case cannot be linked to itself');
export const parentExists = (number: string) =>
  new DomainError('conflict', 'case.parent-exists', `The case already has parent ${number}; unlink it first`);
export const linkKindConflict = (number: string, kind: string) =>
  new DomainError('conflict', 'case.link-exists', `The case is already linked to ${number} as ${kind}`);

function event(stamp: ChangeStamp, type: string, before: JsonValue, after: JsonValue): CaseEventDraft {
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  return { type, occurredAt, actor, ...(onBehalfOf ? { onBehalfOf } : {}), channel, data: { before, after } };
}

/**
 * Adds this case's view of a link (each side stores its own). Null when it is already there (a retry
 * of a half-done link); 409 when the case already has another parent or is linked to that case
 * differently.
 */
export function linkCase(state: CaseState, link: CaseLink, stamp: ChangeStamp): Transition | null {
  if (link.caseId === state.id) throw linkToItself();
  const existing = state.links.find((candidate) => candidate.caseId === link.caseId);
  if (existing?.kind === link.kind) return null;
  if (existing) throw linkKindConflict(existing.number, existing.kind);
  const parent = state.links.find((candidate) => candidate.kind === 'parent');
  if (link.kind === 'parent' && parent) throw parentExists(parent.number);
  return {
    state: { ...state, links: [...state.links, link], updatedAt: stamp.occurredAt },
    events: [event(stamp, 'case.linked', { link: null }, { link })],
  };
}

/** Removes this case's view of the link to `otherId`; null when there is none (a retry). */
export function unlinkCase(state: CaseState, otherId: string, stamp: ChangeStamp): Transition | null {
  const link = state.links.find((candidate) => candidate.caseId === otherId);
  if (!link) return null;
  return {
    state: { ...state, links: state.links.filter((candidate) => candidate !== link), updatedAt: stamp.occurredAt },
    events: [event(stamp, 'case.unlinked', { link }, { link: null })],
  };
}
