/** Documents of a case: the record the case keeps of each file in SharePoint, and the rules for names and types. */
export {
  documentSources,
  type CaseDocument,
  type DocumentShare,
  type DocumentSource,
  type DocumentVersion,
  type EmailAddress,
  type EmailSummary,
} from './case-document';
export { sanitiseFileName, extensionOf, maxFileNameLength } from './file-names';
export { checkMediaType, defaultDocumentMediaTypes, type MediaTypeCheck } from './media-types';
export {
  addDocument,
  addDocuments,
  recordRestoredVersion,
  addVersion,
  recordSyncedVersion,
  checkRecordRoom,
  documentRecordChars,
  versionRecordChars,
  documentRecordFull,
  documentNotFound,
  versionNotFound,
  maxCaseStateChars,
} from './document-transitions';
export {
  checkOutDocument,
  checkInDocument,
  checkNotLockedFor,
  checkoutRequired,
  documentLocked,
  documentNotCheckedOut,
} from './document-checkout';
export {
  checkShareable,
  recordShare,
  recordShareRevoked,
  defaultMaxShareConfidentiality,
  shareNotFound,
  shareAlreadyRevoked,
  shareTooConfidential,
} from './document-sharing';
