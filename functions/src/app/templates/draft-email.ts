import { amsterdamToday } from '../../domain/cases/amsterdam-today';
import type { UserPrincipal } from '../../domain/principal';
import { templateData } from '../../domain/templates/template-data';
import { ConcurrencyConflict } from '../../ports/case-store';
import type { Clock } from '../../ports/event-log';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { CaseStore } from '../../ports/case-store';
import type { TemplateSource } from '../../ports/template-source';
import type { AccessResolver } from '../access/access-resolver';
import { caseTypeOf } from '../cases/case-type-of';
import { loadCaseForDocuments } from '../documents/load-case-for-documents';
import { AppError } from '../errors';
import { renderText, templateDataMissing, type TemplateProblem } from './render-template';

export interface DraftEmailDeps {
  caseStore: Pick<CaseStore, 'load'>;
  access: Pick<AccessResolver, 'actorFor'>;
  caseTypes: Pick<CaseTypeRepository, 'getVersion'>;
  templates: Pick<TemplateSource, 'email' | 'emailKeys'>;
  clock: Clock;
}

export interface EmailDraft {
  template: string;
  subject: string;
  text: string;
  html: string;
  to: { name: string; email: string }[];
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Paragraphs (separated by an empty line) as <p>, line breaks inside them as <br>; the text is already escaped. */
const paragraphs = (escaped: string): string =>
  escaped
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim().split('\n').join('<br>')}</p>`)
    .join('\n');

/** `Onderwerp: …`, an empty line, the body. */
function parseEmailTemplate(key: string, source: string): { subject: string; body: string } {
  const [first = '', ...rest] = source.replace(/\r\n/g, '\n').split('\n');
  const match = /^Onderwerp:\s*(.+)$/.exec(first);
  if (!match?.[1]) throw new Error(`e-mail template ${key} does not start with "Onderwerp: "`);
  return { subject: match[1].trim(), body: rest.join('\n').replace(/^\n+/, '') };
}

/**
 * An e-mail draft from a template, filled from the case like a Word template (the same data and the same
 * reporting: every placeholder without a value or unknown is listed in a 422). Nothing is sent or
 * written; values are HTML-escaped in `html`. The draft goes to the applicant, so an applicant without
 * an e-mail address is reported too. Access: case.update (writing to the applicant is the handler's work).
 */
export async function draftEmail(
  deps: DraftEmailDeps,
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; template: string },
): Promise<EmailDraft> {
  const { state, etag } = await loadCaseForDocuments(deps, principal, request.caseId, 'case.update');
  if (request.ifMatch !== undefined && request.ifMatch !== etag) throw new ConcurrencyConflict(request.caseId, etag);
  const source = await deps.templates.email(request.template);
  if (source === null) {
    const known = (await deps.templates.emailKeys()).join(', ') || '(none)';
    const message = `There is no e-mail template ${request.template}; use one of ${known}.`;
    throw new AppError('rule-violation', 'template.not-found', message, {
      errors: [{ path: 'body.template', code: 'template.not-found', message }],
    });
  }
  const { subject, body } = parseEmailTemplate(request.template, source);
  const data = templateData(state, await caseTypeOf(deps, state), amsterdamToday(deps.clock.now()));

  const renderedSubject = renderText(subject, data);
  const text = renderText(body, data);
  const html = renderText(escapeHtml(body), data, escapeHtml);
  const applicant = data.aanvrager;
  const email = applicant && typeof applicant === 'object' && !Array.isArray(applicant) ? applicant.email : null;
  const name = applicant && typeof applicant === 'object' && !Array.isArray(applicant) ? applicant.naam : null;

  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  for (const result of [renderedSubject, text, html]) {
    if (result.ok) continue;
    for (const problem of result.problems) {
      const key = `${problem.kind}:${problem.placeholder}`;
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
  }
  if (typeof email !== 'string' && !seen.has('missing:aanvrager.email'))
    problems.push({ kind: 'missing', placeholder: 'aanvrager.email' });
  if (problems.length > 0 || !renderedSubject.ok || !text.ok || !html.ok || typeof email !== 'string')
    throw templateDataMissing(request.template, problems);

  return {
    template: request.template,
    subject: renderedSubject.text.replace(/\s+/g, ' ').trim(),
    text: text.text,
    html: paragraphs(html.text),
    to: [{ name: typeof name === 'string' ? name : email, email }],
  };
}
