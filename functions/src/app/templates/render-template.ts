import Docxtemplater from 'docxtemplater';
import TxtTemplater from 'docxtemplater/js/text';
import PizZip from 'pizzip';
import type { ProblemFieldError } from '../../contract/problem';
import type { TemplateData } from '../../domain/templates/template-data';
import { AppError } from '../errors';

/** What a template asked for that the case cannot give, or a template that cannot be read. */
export type TemplateProblem = { kind: 'missing' | 'unknown' | 'invalid'; placeholder: string; detail?: string };

/** 422 listing every problem of the template with this case; nothing is written. */
export const templateDataMissing = (template: string, problems: readonly TemplateProblem[]) =>
  new AppError(
    'rule-violation',
    'template.data-missing',
    `Template ${template} cannot be filled from this case: ${problems.length} placeholder(s) without a value or unknown; see errors.`,
    { errors: problems.map(problemError) },
  );

function problemError(problem: TemplateProblem): ProblemFieldError {
  const path = `template.${problem.placeholder}`;
  if (problem.kind === 'missing')
    return {
      path,
      code: 'template.value-missing',
      message: `De zaak heeft geen waarde voor {${problem.placeholder}} / The case has no value for {${problem.placeholder}}`,
    };
  if (problem.kind === 'unknown')
    return {
      path,
      code: 'template.placeholder-unknown',
      message: `{${problem.placeholder}} is geen bekend veld / {${problem.placeholder}} is not a known placeholder`,
    };
  return {
    path,
    code: 'template.invalid',
    message: `Het sjabloon is ongeldig: ${problem.detail ?? ''} / The template is invalid: ${problem.detail ?? ''}`,
  };
}

type Lookup = { found: boolean; value: unknown };

/** `a.b.c` in `scope`: found when every key exists (the value may be null: known, but no value). */
function lookup(scope: unknown, path: readonly string[]): Lookup {
  let current = scope;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key))
      return { found: false, value: undefined };
    current = (current as Record<string, unknown>)[key];
  }
  return { found: true, value: current };
}

type ScopeContext = { num: number; scopeList: unknown[] };
type ScopeManager = { scopePath: string[]; scopePathItem: number[] };
type Part = { value: string; module?: string };

/**
 * docxtemplater options that read placeholders as dotted paths in TemplateData and collect, instead of
 * rendering "undefined" or nothing: every placeholder whose value is null or empty (missing) and every
 * name that is not in the data at all (unknown, e.g. a typo). A section (`{#a}…{/a}`) over a missing
 * value is simply left out: that is what sections are for; a name that does not exist is still reported.
 */
function collectingOptions(problems: TemplateProblem[]) {
  const reported = new Set<string>();
  const report = (problem: TemplateProblem) => {
    const key = `${problem.kind}:${problem.placeholder}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problem);
  };
  const unknownTags = new Set<string>();
  return {
    paragraphLoop: true,
    linebreaks: true,
    errorLogging: false,
    parser(tag: string) {
      const name = tag.trim();
      const path = name === '.' ? [] : name.split('.');
      let known = false;
      return {
        get(scope: unknown, context: ScopeContext) {
          // Called from the innermost scope outwards until a value is found; num 0 is the root data.
          if (context.num === context.scopeList.length - 1) known = false;
          if (path.length === 0) return scope;
          const found = lookup(scope, path);
          if (found.found) known = true;
          if (found.found && found.value !== null && found.value !== '') return found.value;
          if (context.num === 0 && !known) {
            unknownTags.add(name);
            report({ kind: 'unknown', placeholder: name });
          }
          return null;
        },
      };
    },
    nullGetter(part: Part, scopeManager?: ScopeManager) {
      if (part.module) return ''; // a section over nothing: left out
      const name = part.value.trim();
      if (unknownTags.has(name)) return '';
      const loops = (scopeManager?.scopePath ?? []).map((loop, i) => `${loop}[${scopeManager?.scopePathItem[i] ?? 0}]`);
      report({ kind: 'missing', placeholder: [...loops, name].join('.') });
      return '';
    },
  };
}

/** docxtemplater's template errors (unclosed tags, …) as problems, each with where it was. */
function templateErrors(error: unknown): TemplateProblem[] | null {
  const properties = (error as { properties?: { errors?: unknown[]; id?: string } })?.properties;
  if (!properties) return null;
  const errors = Array.isArray(properties.errors) ? properties.errors : [error];
  return errors.map((e) => {
    const p = (e as { properties?: { xtag?: string; explanation?: string; id?: string } }).properties ?? {};
    return { kind: 'invalid', placeholder: p.xtag ?? p.id ?? 'template', detail: p.explanation ?? String(e) };
  });
}

/**
 * Fills a Word template (.docx bytes) with the case's data. Returns the new document, or the list of
 * every placeholder it could not fill (then nothing should be written).
 */
export function renderDocx(
  template: Uint8Array,
  data: TemplateData,
): { ok: true; bytes: Buffer } | { ok: false; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(new PizZip(template), collectingOptions(problems));
    doc.render(data);
  } catch (error) {
    const invalid = templateErrors(error);
    if (!invalid) throw error;
    return { ok: false, problems: invalid };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, bytes: doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}

/** Fills a plain-text template (e-mail) the same way; `escape` is applied to every value (HTML). */
export function renderText(
  template: string,
  data: TemplateData,
  escape: (value: string) => string = (value) => value,
): { ok: true; text: string } | { ok: false; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  try {
    const text = new TxtTemplater(template, collectingOptions(problems)).render(escaped(data, escape));
    return problems.length > 0 ? { ok: false, problems } : { ok: true, text };
  } catch (error) {
    const invalid = templateErrors(error);
    if (!invalid) throw error;
    return { ok: false, problems: invalid };
  }
}

function escaped(data: TemplateData, escape: (value: string) => string): TemplateData {
  const each = (value: TemplateData[string]): TemplateData[string] => {
    if (value === null) return null;
    if (typeof value === 'string') return escape(value);
    if (Array.isArray(value)) return value.map((item) => escaped(item, escape));
    return escaped(value, escape);
  };
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, each(value)]));
}
