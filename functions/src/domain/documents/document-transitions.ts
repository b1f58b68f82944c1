import type { CaseState } from '../cases/case-state';
import type { ChangeStamp, Transition } from '../cases/case-transitions';
import { DomainError } from '../errors';
import type { CaseEventDraft, JsonValue } from '../events';
import type { CaseDocument, DocumentVersion, EmailSummary } from './case-document';

/**
 * The document records live in the case row (ADR 0015), whose state is at most ~1 MiB in Table
 * Storage. A case refuses a new document or version beyond this many characters of state, before any
 * byte goes to SharePoint, instead of failing the commit afterwards.
 */
export const maxCaseStateChars = 360_000;

export const documentRecordFull = () =>
  new DomainError(
    'rule-violation',
    'case.document-records-full',
    'This case cannot record more documents or versions; its record is full (see ADR 0015).',
  );

export const documentNotFound = (id: string) =>
  new DomainError('not-found', 'document.not-found', `The case has no document ${id}`);

export const versionNotFound = (documentId: string, versionId: string) =>
  new DomainError('not-found', 'document.version-not-found', `Document ${documentId} has no version ${versionId}`);

/** Refuses (422) when adding about `extraChars` of record would make the case state too large. */
export function checkRecordRoom(state: CaseState, extraChars: number): void {
  if (JSON.stringify(state).length + extraChars > maxCaseStateChars) throw documentRecordFull();
}

/** A rough upper bound of what one more document record or version adds to the state. */
export const documentRecordChars = (document: Pick<CaseDocument, 'title' | 'fileName' | 'originalName' | 'webUrl'>) =>
  900 + 2 * (document.title.length + document.fileName.length + document.originalName.length + document.webUrl.length);
export const versionRecordChars = 400;

function event(stamp: ChangeStamp, type: string, before: JsonValue | undefined, after: JsonValue): CaseEventDraft {
  const { occurredAt, actor, onBehalfOf, channel } = stamp;
  return {
    type,
    occurredAt,
    actor,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    channel,
    data: before === undefined ? { after } : { before, after },
  };
}

/** What events say about a document: enough to read the timeline and verify a version by its hash. */
function summary(document: CaseDocument, version: DocumentVersion): { [key: string]: JsonValue } {
  return {
    id: document.id,
    title: document.title,
    fileName: document.fileName,
    documentType: document.documentType.key,
    confidentiality: document.confidentiality,
    version: version.id,
    sha256: version.sha256,
    size: version.size,
  };
}

/** A new document filed on the case (its first version already stored in SharePoint). */
export function addDocument(state: CaseState, document: CaseDocument, stamp: ChangeStamp): Transition {
  const first = document.versions[document.versions.length - 1];
  if (!first) throw new Error('a document is recorded with its first version');
  const documents = [...(state.documents ?? []), document];
  return {
    state: { ...state, documents, updatedAt: stamp.occurredAt },
    events: [
      event(stamp, 'document.added', undefined, {
        document: {
          ...summary(document, first),
          originalName: document.originalName,
          source: document.source,
          mediaType: document.mediaType,
          ...(document.email ? { email: emailEventSummary(document.email) } : {}),
          ...(document.emailDocumentId ? { emailDocumentId: document.emailDocumentId } : {}),
        },
      }),
    ],
  };
}

/** Several documents filed together (an e-mail and its attachments): one transition, one event each. */
export function addDocuments(state: CaseState, documents: CaseDocument[], stamp: ChangeStamp): Transition {
  let transition: Transition = { state, events: [] };
  for (const document of documents) {
    const next = addDocument(transition.state, document, stamp);
    transition = { state: next.state, events: [...transition.events, ...next.events] };
  }
  return transition;
}

/** What the event keeps of an e-mail: enough for the timeline line and to find the message again. */
function emailEventSummary(email: EmailSummary): { [key: string]: JsonValue } {
  return {
    subject: email.subject,
    from: email.from[0]?.address ?? null,
    date: email.date,
    messageId: email.messageId,
    // "N bijlagen" counts what a reader sees as attachments: images shown in the body are not.
    attachments: email.attachments.filter((a) => !a.inline).length,
    filedAttachments: email.attachments.filter((a) => !a.inline && a.documentId !== null).length,
  };
}

/** A new version uploaded to an existing document (`document.version-added`). */
export const addVersion = (state: CaseState, documentId: string, version: DocumentVersion, stamp: ChangeStamp): Transition =>
  withVersion(state, documentId, version, stamp, 'document.version-added');

/** A version made in SharePoint itself (Office, co-authoring), found by a sync and recorded with its hash. */
export const recordSyncedVersion = (
  state: CaseState,
  documentId: string,
  version: DocumentVersion,
  stamp: ChangeStamp,
): Transition => withVersion(state, documentId, version, stamp, 'document.version-synced');

/** An old version made current again: SharePoint made a new version with its content; history stays. */
export const recordRestoredVersion = (
  state: CaseState,
  documentId: string,
  version: DocumentVersion,
  stamp: ChangeStamp,
): Transition => withVersion(state, documentId, version, stamp, 'document.version-restored');

function withVersion(
  state: CaseState,
  documentId: string,
  version: DocumentVersion,
  stamp: ChangeStamp,
  type: 'document.version-added' | 'document.version-restored' | 'document.version-synced',
): Transition {
  const document = state.documents?.find((d) => d.id === documentId);
  if (!document) throw documentNotFound(documentId);
  const updated: CaseDocument = {
    ...document,
    size: version.size,
    currentVersion: version.id,
    versions: [...document.versions, version],
    updatedAt: stamp.occurredAt,
  };
  return {
    state: {
      ...state,
      documents: (state.documents ?? []).map((d) => (d.id === documentId ? updated : d)),
      updatedAt: stamp.occurredAt,
    },
    events: [
      event(
        stamp,
        type,
        { document: { id: document.id, version: document.currentVersion } },
        {
          document: {
            ...summary(updated, version),
            restoredFrom: version.restoredFrom,
            createdBy: version.createdBy,
            createdAt: version.createdAt,
          },
        },
      ),
    ],
  };
}
