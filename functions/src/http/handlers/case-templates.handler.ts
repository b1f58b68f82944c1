import { generateDocument } from '../../app/documents/generate-document';
import { draftEmail } from '../../app/templates/draft-email';
import type { Dependencies } from '../../composition-root';
import { CaseIdParamsSchema } from '../../contract/case';
import { EmailDraftRequestSchema, GenerateDocumentRequestSchema } from '../../contract/case-templates';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { presentDocument } from '../presenters/case-document.presenter';
import { optionalIfMatch, parseParams } from './case-type-input';
import { graphActorOf } from './document-input';

/** POST /api/v1/cases/{id}/documents/generate: a document from its type's Word template, filed as `generated`. */
export const generateCaseDocumentEndpoint = (
  deps: Pick<Dependencies, 'caseStore' | 'outbox' | 'clock' | 'caseTypes' | 'documents' | 'config' | 'access' | 'templates'>,
) =>
  defineEndpoint({
    name: 'generateCaseDocument',
    methods: ['POST'],
    route: 'v1/cases/{id}/documents/generate',
    policy: policies.authenticated,
    handler: async ({ request, principal, log }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const body = await parseJsonBody(request, GenerateDocumentRequestSchema, 16 * 1024);
      const { document, etag } = await generateDocument(
        { ...deps, maxUploadBytes: deps.config.documents.maxUploadBytes },
        principal,
        { caseId: id, ifMatch: optionalIfMatch(request), actor: graphActorOf(request, principal), ...body },
        log,
      );
      return json(201, presentDocument(document), { etag, location: `/api/v1/cases/${id}/documents/${document.id}` });
    },
  });

/** POST /api/v1/cases/{id}/email-drafts: an e-mail draft from a template (nothing sent or written). */
export const draftCaseEmailEndpoint = (deps: Pick<Dependencies, 'caseStore' | 'caseTypes' | 'access' | 'clock' | 'templates'>) =>
  defineEndpoint({
    name: 'draftCaseEmail',
    methods: ['POST'],
    route: 'v1/cases/{id}/email-drafts',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, CaseIdParamsSchema);
      const { template } = await parseJsonBody(request, EmailDraftRequestSchema, 16 * 1024);
      return json(200, await draftEmail(deps, principal, { caseId: id, ifMatch: optionalIfMatch(request), template }));
    },
  });
