import type { CaseState } from '../cases/case-state';
import type { ChangeStamp, Transition } from '../cases/case-transitions';
import { confidentialityLevels, type Confidentiality } from '../confidentiality';
import { DomainError } from '../errors';
import type { CaseEventDraft, JsonValue } from '../events';
import type { CaseDocument, DocumentShare } from './case-document';
import { documentNotFound } from './document-transitions';

type Person = { id: string; name: string };

/** What a case type allows to share when it says nothing (DUTCH-RULES §4: intern and below). */
export const defaultMaxShareConfidentiality: Confidentiality = 'intern';

export const shareTooConfidential = (level: Confidentiality, max: Confidentiality) =>
  new DomainError(
    'rule-violation',
    'document.share-too-confidential',
    `The document is ${level}; this case type allows sharing up to ${max}`,
  );
export const shareNotFound = (id: string) => new DomainError('not-found', 'document.share-not-found', `There is no share ${id}`);
export const shareAlreadyRevoked = (id: string) =>
  new DomainError('conflict', 'document.share-revoked', `Share ${id} was revoked already`);

/** Refuses (422) sharing a document whose confidentiality is above what the case type allows. */
export function checkShareable(document: CaseDocument, max: Confidentiality | undefined): void {
  const limit = max ?? defaultMaxShareConfidentiality;
  if (confidentialityLevels.indexOf(document.confidentiality) > confidentialityLevels.indexOf(limit))
    throw shareTooConfidential(document.confidentiality, limit);
}

function withShares(
  state: CaseState,
  documentId: string,
  shares: (document: CaseDocument) => DocumentShare[],
  stamp: ChangeStamp,
  type: 'document.shared' | 'document.share-revoked',
  share: DocumentShare,
): Transition {
  const document = state.documents?.find((d) => d.id === documentId);
  if (!document) throw documentNotFound(documentId);
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  const recorded: { [key: string]: JsonValue } = {
    id: share.id,
    email: share.email,
    access: share.access,
    expiresOn: share.expiresOn,
    external: share.external,
  };
  const event: CaseEventDraft = {
    type,
    occurredAt,
    actor,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    channel,
    data: { after: { document: { id: document.id, title: document.title }, share: recorded } },
  };
  return {
    state: {
      ...state,
      documents: (state.documents ?? []).map((d) =>
        d.id === documentId ? { ...d, shares: shares(d), updatedAt: occurredAt } : d,
      ),
      updatedAt: occurredAt,
    },
    events: [event],
  };
}

/** A new share, granted in SharePoint already (its permission id is the share's id). */
export const recordShare = (state: CaseState, documentId: string, share: DocumentShare, stamp: ChangeStamp): Transition =>
  withShares(state, documentId, (d) => [...(d.shares ?? []), share], stamp, 'document.shared', share);

/** A share ended early; it stays on the record with who revoked it and when. */
export function recordShareRevoked(
  state: CaseState,
  documentId: string,
  shareId: string,
  by: Person,
  stamp: ChangeStamp,
): Transition {
  const document = state.documents?.find((d) => d.id === documentId);
  if (!document) throw documentNotFound(documentId);
  const share = document.shares?.find((s) => s.id === shareId);
  if (!share) throw shareNotFound(shareId);
  if (share.revokedAt) throw shareAlreadyRevoked(shareId);
  const revoked: DocumentShare = { ...share, revokedBy: by, revokedAt: stamp.occurredAt };
  return withShares(
    state,
    documentId,
    (d) => (d.shares ?? []).map((s) => (s.id === shareId ? revoked : s)),
    stamp,
    'document.share-revoked',
    revoked,
  );
}
