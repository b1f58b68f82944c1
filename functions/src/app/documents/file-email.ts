import { createHash, randomUUID } from 'node:crypto';
import type { DocumentType } from '../../contract/case-type';
import type { ProblemFieldError } from '../../contract/problem';
import {
  addDocuments,
  checkMediaType,
  checkRecordRoom,
  documentRecordChars,
  sanitiseFileName,
  type CaseDocument,
  type EmailSummary,
} from '../../domain/documents';
import type { UserPrincipal } from '../../domain/principal';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { StoredFile } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import { caseTypeOf } from '../cases/case-type-of';
import { caseClosed } from '../cases/change-case';
import { AppError, invalidInput } from '../errors';
import { personOf } from './document-actor';
import { parseEmail, type EmailAttachment } from './email-message';
import { loadCaseForDocuments } from './load-case-for-documents';
import { documentTooLarge, measured } from './measured-content';
import { recordOnCase } from './record-on-case';
import { defaultTitle, documentColumns, type UploadDocumentDeps, type UploadDocumentRequest } from './upload-document';

export const emailMediaType = 'message/rfc822';

export interface FileEmailRequest extends UploadDocumentRequest {
  /** File each attachment as its own document (source `email-attachment`, linked to the e-mail). */
  fileAttachments: boolean;
  /** The document type of filed attachments; defaults to the e-mail's. */
  attachmentDocumentType?: string | undefined;
}

/** One file of the request, checked and ready to go to SharePoint. */
interface Planned {
  id: string;
  fileName: string;
  originalName: string;
  title: string;
  documentType: DocumentType;
  mediaType: string;
  bytes: Buffer;
}

/**
 * Files an e-mail (`.eml`) on a case as a document of source `email`, with what the message says
 * (subject, from, to, cc, date, Message-ID, attachments) kept on the record. With `fileAttachments`
 * every attachment becomes its own document linked to the e-mail, under the rules of any upload (name
 * sanitised, size limit, the document type's media types). All or nothing: everything is checked before
 * a byte moves; when an upload or the record fails, whatever this request put in SharePoint is removed.
 */
export async function fileEmail(
  deps: UploadDocumentDeps,
  principal: UserPrincipal,
  request: FileEmailRequest,
  log: Logger,
): Promise<{ document: CaseDocument; attachments: CaseDocument[]; etag: string }> {
  if (request.size !== undefined && request.size > deps.maxUploadBytes) throw documentTooLarge(deps.maxUploadBytes);
  const { state, etag } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (request.ifMatch !== undefined && request.ifMatch !== etag) throw new ConcurrencyConflict(request.caseId, etag);
  if (state.status === 'closed') throw caseClosed(request.caseId);

  const caseType = await caseTypeOf(deps, state);
  const typeOf = (key: string, path: string, problems: ProblemFieldError[]): DocumentType | undefined => {
    const found = caseType.documentTypes.find((t) => t.key === key);
    if (!found) {
      const known = caseType.documentTypes.map((t) => t.key).join(', ') || '(none)';
      problems.push({
        path,
        code: 'document.type-unknown',
        message: `Not a document type of this case type; use one of ${known}.`,
      });
    }
    return found;
  };
  const problems: ProblemFieldError[] = [];
  const documentType = typeOf(request.documentType, 'query.documentType', problems);
  const attachmentType = request.fileAttachments
    ? typeOf(request.attachmentDocumentType ?? request.documentType, 'query.attachmentDocumentType', problems)
    : undefined;
  if (request.size === undefined)
    problems.push({
      path: 'headers.content-length',
      code: 'document.length-required',
      message: 'Send the file size as Content-Length.',
    });
  else if (request.size === 0) problems.push({ path: 'body', code: 'document.empty', message: 'The file is empty (0 bytes).' });
  if (problems.length > 0 || !documentType || request.size === undefined) throw invalidInput(problems);

  const emailName = checkMediaType(emailMediaType, sanitiseFileName(request.fileName, 'e-mail'), documentType.mediaTypes);
  if (!emailName.ok) throw new AppError('unsupported-media-type', emailName.code, emailName.message);

  // The message must be read whole before anything is filed: its attachments decide what happens.
  const { content, measurement } = measured(request.content, request.size, deps.maxUploadBytes);
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  const parsed = await parseEmail(bytes);

  // Per attachment, in order: its planned document, or null when it is not filed (not asked, or inline in the body).
  const plan = attachmentType
    ? planAttachments(parsed.attachments, attachmentType, deps.maxUploadBytes)
    : parsed.attachments.map(() => null);
  const planned = plan.filter((p): p is Planned => p !== null);
  const email: EmailSummary = {
    ...parsed.summary,
    attachments: parsed.attachments.map((attachment, n) => ({
      name: attachment.name ?? `bijlage-${n + 1}`,
      mediaType: attachment.mediaType,
      size: attachment.content.length,
      documentId: plan[n]?.id ?? null,
      ...(attachment.inline ? { inline: true as const } : {}),
    })),
  };
  const emailDocument: Planned = {
    id: randomUUID(),
    fileName: emailName.fileName,
    originalName: request.fileName,
    title: request.title ?? parsed.summary.subject?.slice(0, 255) ?? defaultTitle(request.fileName, emailName.fileName),
    documentType,
    mediaType: emailMediaType,
    bytes,
  };
  const all = [emailDocument, ...planned];
  checkRecordRoom(
    state,
    all.reduce((sum, p) => sum + documentRecordChars({ ...p, webUrl: '' }) + 300, JSON.stringify(email).length),
  );

  const confidentiality = (type: DocumentType) => request.confidentiality ?? type.confidentiality;
  const stored: StoredFile[] = [];
  const removeStored = async () => {
    for (const file of stored)
      await deps.documents.delete(request.actor, file.itemId).catch((cleanup: unknown) => {
        log.error('a file of a failed e-mail filing could not be removed from SharePoint', {
          caseId: request.caseId,
          itemId: file.itemId,
          error: cleanup,
        });
      });
  };
  try {
    for (const file of all)
      stored.push(
        await deps.documents.upload(request.actor, {
          folder: state.number,
          fileName: file.fileName,
          size: file.bytes.length,
          content: once(file.bytes),
          fields: {
            [documentColumns.caseNumber]: state.number,
            [documentColumns.caseType]: state.caseType.key,
            [documentColumns.documentType]: file.documentType.key,
            [documentColumns.confidentiality]: confidentiality(file.documentType),
          },
        }),
      );
  } catch (error) {
    await removeStored();
    throw error;
  }

  const by = personOf(principal);
  const emailSha256 = measurement.sha256();
  try {
    const changed = await recordOnCase(deps, principal, request, log, (current, stamp) => {
      const documents = all.map((file, n): CaseDocument => {
        const saved = stored[n] as StoredFile;
        const isEmail = n === 0;
        const sha256 = isEmail ? emailSha256 : createHash('sha256').update(file.bytes).digest('hex');
        return {
          id: file.id,
          itemId: saved.itemId,
          title: file.title,
          fileName: saved.name,
          originalName: file.originalName,
          documentType: { key: file.documentType.key, name: file.documentType.name },
          confidentiality: confidentiality(file.documentType),
          author: by,
          source: isEmail ? 'email' : 'email-attachment',
          mediaType: file.mediaType,
          size: file.bytes.length,
          currentVersion: saved.versionId,
          versions: [
            {
              id: saved.versionId,
              sha256,
              size: file.bytes.length,
              createdAt: stamp.occurredAt,
              createdBy: by,
              restoredFrom: null,
            },
          ],
          webUrl: saved.webUrl,
          ...(isEmail ? { email } : { emailDocumentId: emailDocument.id }),
          createdAt: stamp.occurredAt,
          updatedAt: stamp.occurredAt,
        };
      });
      checkRecordRoom(
        current,
        documents.reduce((sum, d) => sum + documentRecordChars(d) + JSON.stringify(d.email ?? '').length, 0),
      );
      return addDocuments(current, documents, stamp);
    });
    const recorded = changed.state.documents ?? [];
    const document = recorded.find((d) => d.id === emailDocument.id);
    if (!document) throw new Error('the recorded e-mail is missing from the case');
    const attachments = planned.map((p) => recorded.find((d) => d.id === p.id)).filter((d): d is CaseDocument => !!d);
    return { document, attachments, etag: changed.etag };
  } catch (error) {
    await removeStored();
    throw error;
  }
}

/**
 * Each attachment as a document under the rules of any upload: a safe name (a part without a name is
 * `bijlage-<n>`), not empty, within the size limit, a media type the document type accepts. Every
 * attachment that cannot be filed is listed (422), before anything is stored. Images shown inline in the
 * body (signature logos) stay part of the e-mail: listed, not filed (null).
 */
function planAttachments(attachments: EmailAttachment[], type: DocumentType, maxBytes: number): (Planned | null)[] {
  const problems: ProblemFieldError[] = [];
  const planned: (Planned | null)[] = [];
  attachments.forEach((attachment, n) => {
    if (attachment.inline) {
      planned.push(null);
      return;
    }
    const path = `body.attachments[${n}]`;
    const originalName = attachment.name ?? `bijlage-${n + 1}`;
    const named = sanitiseFileName(originalName, `bijlage-${n + 1}`);
    if (attachment.content.length === 0)
      problems.push({ path, code: 'document.empty', message: `Attachment "${originalName}" is empty (0 bytes).` });
    if (attachment.content.length > maxBytes)
      problems.push({
        path,
        code: 'document.too-large',
        message: `Attachment "${originalName}" is larger than ${maxBytes} bytes.`,
      });
    const checked = checkMediaType(attachment.mediaType, named, type.mediaTypes);
    if (!checked.ok) {
      problems.push({ path, code: checked.code, message: `Attachment "${originalName}": ${checked.message}` });
      planned.push(null);
      return;
    }
    planned.push({
      id: randomUUID(),
      fileName: checked.fileName,
      originalName,
      title: defaultTitle(originalName, checked.fileName),
      documentType: type,
      mediaType: attachment.mediaType,
      bytes: attachment.content,
    });
  });
  if (problems.length > 0)
    throw new AppError(
      'rule-violation',
      'email.attachments-not-fileable',
      'Not every attachment can be filed as a document; nothing was filed. See errors.',
      { errors: problems },
    );
  return planned;
}

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}
