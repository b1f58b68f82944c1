import type { CaseDocument } from '../../domain/documents';
import { amsterdamToday } from '../../domain/cases/amsterdam-today';
import type { UserPrincipal } from '../../domain/principal';
import { templateData } from '../../domain/templates/template-data';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { GraphActor } from '../../ports/document-store';
import type { Logger } from '../../ports/logger';
import type { TemplateSource } from '../../ports/template-source';
import { caseTypeOf } from '../cases/case-type-of';
import { caseClosed } from '../cases/change-case';
import { outcomeOf } from '../cases/close-case';
import { AppError, invalidInput } from '../errors';
import { renderDocx, templateDataMissing } from '../templates/render-template';
import { loadCaseForDocuments } from './load-case-for-documents';
import { uploadDocument, type UploadDocumentDeps } from './upload-document';

export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface GenerateDocumentDeps extends UploadDocumentDeps {
  templates: Pick<TemplateSource, 'document'>;
}

export interface GenerateDocumentRequest {
  caseId: string;
  ifMatch: string | undefined;
  actor: GraphActor;
  documentType: string;
  title?: string | undefined;
  /** The outcome a decision letter announces (key of an outcome of the type): the template's `zaak.resultaat`. */
  outcome?: string | undefined;
}

const noTemplate = (documentType: string, message: string) =>
  new AppError('rule-violation', 'document.no-template', message, {
    errors: [{ path: 'body.documentType', code: 'document.no-template', message }],
  });

/**
 * Generates a document of a type from its Word template: fills it with the case's data (templateData)
 * and files it through the upload path with source `generated` (same checks, same record, same event).
 * A placeholder the case has no value for, or that does not exist, is never rendered: every one is
 * listed in a 422 and nothing is written. Access is the upload's (case.update); closed cases refuse (409).
 */
export async function generateDocument(
  deps: GenerateDocumentDeps,
  principal: UserPrincipal,
  request: GenerateDocumentRequest,
  log: Logger,
): Promise<{ document: CaseDocument; etag: string }> {
  const { state, etag } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (request.ifMatch !== undefined && request.ifMatch !== etag) throw new ConcurrencyConflict(request.caseId, etag);
  if (state.status === 'closed') throw caseClosed(request.caseId);

  const caseType = await caseTypeOf(deps, state);
  const documentType = caseType.documentTypes.find((t) => t.key === request.documentType);
  if (!documentType) {
    const known = caseType.documentTypes.map((t) => t.key).join(', ') || '(none)';
    throw invalidInput([
      {
        path: 'body.documentType',
        code: 'document.type-unknown',
        message: `Not a document type of this case type; use one of ${known}.`,
      },
    ]);
  }
  if (!documentType.template)
    throw noTemplate(documentType.key, `Document type ${documentType.key} has no template to generate it from.`);
  const template = await deps.templates.document(documentType.template);
  if (!template) {
    log.error('a case type names a template that is not there', {
      caseType: state.caseType.key,
      template: documentType.template,
    });
    throw noTemplate(
      documentType.key,
      `The template ${documentType.template} of document type ${documentType.key} is not available.`,
    );
  }

  const outcome = request.outcome === undefined ? undefined : outcomeOf(caseType.outcomes, request.outcome);
  if (request.outcome !== undefined && !outcome) {
    const known = caseType.outcomes.flatMap((o) => ('key' in o ? [o.key] : [])).join(', ') || '(none)';
    throw invalidInput([
      { path: 'body.outcome', code: 'outcome.unknown', message: `Not an outcome of this case type; use one of ${known}.` },
    ]);
  }
  const data = templateData(state, caseType, amsterdamToday(deps.clock.now()), outcome);
  const rendered = renderDocx(template, data);
  if (!rendered.ok) throw templateDataMissing(documentType.template, rendered.problems);

  const title = request.title ?? `${documentType.name} ${state.number}`;
  return uploadDocument(
    deps,
    principal,
    {
      caseId: request.caseId,
      ifMatch: request.ifMatch,
      actor: request.actor,
      fileName: `${title}.docx`,
      documentType: documentType.key,
      title,
      source: 'generated',
      mediaType: docxMediaType,
      size: rendered.bytes.byteLength,
      content: (async function* () {
        yield new Uint8Array(rendered.bytes);
      })(),
    },
    log,
  );
}
