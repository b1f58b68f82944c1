import type { CaseState } from '../cases/case-state';
import type { ChangeStamp, Transition } from '../cases/case-transitions';
import { DomainError } from '../errors';
import type { CaseDocument } from './case-document';
import { documentNotFound } from './document-transitions';

type Person = { id: string; name: string };

export const documentLocked = (by: Person) =>
  new DomainError('conflict', 'document.locked', `The document is checked out by ${by.name}`);
export const documentNotCheckedOut = () =>
  new DomainError('conflict', 'document.not-checked-out', 'The document is not checked out');
export const checkoutRequired = () =>
  new DomainError('conflict', 'document.checkout-required', 'Check the document out before uploading a new version');

/** Refuses (409) a change to a document someone else has checked out. */
export function checkNotLockedFor(document: CaseDocument, person: Person): void {
  if (document.checkedOut && document.checkedOut.by.id !== person.id) throw documentLocked(document.checkedOut.by);
}

function withLock(
  state: CaseState,
  documentId: string,
  checkedOut: CaseDocument['checkedOut'],
  stamp: ChangeStamp,
  type: 'document.checked-out' | 'document.checked-in',
): Transition {
  const document = state.documents?.find((d) => d.id === documentId);
  if (!document) throw documentNotFound(documentId);
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  const summary = { id: document.id, title: document.title, version: document.currentVersion };
  return {
    state: {
      ...state,
      documents: (state.documents ?? []).map((d) => (d.id === documentId ? { ...d, checkedOut, updatedAt: occurredAt } : d)),
      updatedAt: occurredAt,
    },
    events: [
      {
        type,
        occurredAt,
        actor,
        ...(onBehalfOf ? { onBehalfOf } : {}),
        channel,
        data: {
          before: { document: { ...summary, checkedOut: document.checkedOut ?? null } },
          after: { document: { ...summary, checkedOut: checkedOut ?? null } },
        },
      },
    ],
  };
}

/** The person checks the document out: SharePoint locks it for everyone else until check-in. */
export function checkOutDocument(state: CaseState, documentId: string, by: Person, stamp: ChangeStamp): Transition {
  const document = state.documents?.find((d) => d.id === documentId);
  if (!document) throw documentNotFound(documentId);
  checkNotLockedFor(document, by);
  return withLock(state, documentId, { by, at: stamp.occurredAt }, stamp, 'document.checked-out');
}

/** The holder checks the document in again. */
export function checkInDocument(state: CaseState, documentId: string, by: Person, stamp: ChangeStamp): Transition {
  const document = state.documents?.find((d) => d.id === documentId);
  if (!document) throw documentNotFound(documentId);
  if (!document.checkedOut) throw documentNotCheckedOut();
  checkNotLockedFor(document, by);
  return withLock(state, documentId, null, stamp, 'document.checked-in');
}
