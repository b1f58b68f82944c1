import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShippedTemplates, shippedTemplatesDir } from '../../adapters/templates/shipped-templates';
import { sourceTitle, templateSources } from '../../cli/build-templates';
import type { CaseType, Field } from '../../contract/case-type';
import type { CaseState } from '../../domain/cases';
import type { JsonValue } from '../../domain/events';
import { templateData } from '../../domain/templates/template-data';
import { aCaseState } from '../../test-support/a-case-state';
import { shippedCaseType } from '../../test-support/shipped-case-type';
import { docxParts, docxTextParts } from './docx-source';
import { renderDocx, renderText } from './render-template';

const dir = shippedTemplatesDir();
const caseTypeKeys = readdirSync(join(__dirname, '../../../case-types'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length));
/** Every (case type, document type, template) the shipped case types name. */
const named = caseTypeKeys.flatMap((key) =>
  shippedCaseType(key).documentTypes.flatMap((documentType) =>
    documentType.template ? [{ caseType: key, documentType: documentType.key, template: documentType.template }] : [],
  ),
);

/** A case of the type with a value in every field, an applicant and another party, a handler and a past suspension. */
function aFullCase(type: CaseType): CaseState {
  const sample = (field: Field): JsonValue => {
    const options = field.options ?? [];
    if (field.type === 'money' || field.type === 'number') return 1000;
    if (field.type === 'date') return '2026-02-16';
    if (field.type === 'boolean') return true;
    if (field.type === 'choice') return options[0]?.key ?? null;
    if (field.type === 'multiChoice') return options.map((o) => o.key);
    if (field.type === 'email') return 'a@example.nl';
    return `${field.label} (voorbeeld)`;
  };
  const applicant = type.roles.find((r) => r.kind === 'applicant')?.key ?? 'applicant';
  return aCaseState({
    caseType: { key: type.key, version: 1, name: type.name },
    parties: [
      { role: applicant, name: 'Anna de Boer', email: 'anna@example.nl' },
      { role: 'other', name: 'Bureau Bouwhulp', email: null },
    ],
    fields: Object.fromEntries(type.fields.flatMap((f) => ('type' in f ? [[f.key, sample(f)]] : []))),
    suspensions: [{ from: '2026-03-04', until: '2026-03-06', reason: 'Tekening ontbreekt', term: 'P2W' }],
  });
}

describe('shipped Word templates', () => {
  it('has a template for every one the example case types name, at least the issue’s three kinds of letter', () => {
    const templates = new Set(named.map((n) => n.template));
    expect([...templates]).toEqual(
      expect.arrayContaining(['besluit.docx', 'ontvangstbevestiging.docx', 'verzoek-om-aanvulling.docx']),
    );
    const files = readdirSync(join(dir, 'word'));
    expect([...templates].filter((template) => !files.includes(template))).toEqual([]);
  });

  it.each(templateSources(dir).map((t) => [t.name, t] as const))(
    '%s.docx is what its readable source builds (run `npm run templates` after editing a source)',
    (name, { source, docx }) => {
      expect(docxTextParts(readFileSync(docx))).toEqual(docxParts(source, sourceTitle(source, name)));
    },
  );

  it('has a source for every .docx (no template that cannot be reviewed)', () => {
    const sources = templateSources(dir).map((t) => `${t.name}.docx`);
    expect(readdirSync(join(dir, 'word')).sort()).toEqual(sources.sort());
  });

  it.each(named.map((n) => [n.template, n.caseType, n] as const))(
    '%s (%s) uses only placeholders its case type has, and fills completely from a complete case',
    async (template, caseType) => {
      const type = shippedCaseType(caseType);
      const bytes = await createShippedTemplates(dir).document(template);
      if (!bytes) throw new Error(`${template} is missing`);
      // A case with no values at all: only "missing" may come back, never "unknown" (a typo) or "invalid".
      const empty = renderDocx(bytes, templateData(aCaseState({ parties: [], assignee: null }), type, '2026-03-10'));
      expect(empty.ok).toBe(false);
      if (!empty.ok) expect(empty.problems.filter((p) => p.kind !== 'missing')).toEqual([]);
      // A case with everything (sections included, and the outcome a decision letter announces): the template fills completely.
      const full = renderDocx(bytes, templateData(aFullCase(type), type, '2026-03-10', { name: 'Verleend' }));
      expect(full.ok ? [] : full.problems).toEqual([]);
    },
  );
});

describe('shipped e-mail templates', () => {
  const source = createShippedTemplates(dir);

  it('has ontvangstbevestiging and verzoek-om-aanvulling, each starting with its subject line', async () => {
    const keys = await source.emailKeys();
    expect(keys).toEqual(expect.arrayContaining(['ontvangstbevestiging', 'verzoek-om-aanvulling']));
    for (const key of keys) expect(await source.email(key)).toMatch(/^Onderwerp: .+\n\n\S/);
  });

  it('fills each one completely (subject and body) from a complete case, and reports only missing values from an empty one', async () => {
    const type = shippedCaseType('omgevingsvergunning');
    for (const key of await source.emailKeys()) {
      const text = (await source.email(key)) ?? '';
      const full = renderText(text, templateData(aFullCase(type), type, '2026-03-10'));
      expect({ key, problems: full.ok ? [] : full.problems }).toEqual({ key, problems: [] });
      const empty = renderText(text, templateData(aCaseState({ parties: [], assignee: null }), type, '2026-03-10'));
      expect({ key, other: empty.ok ? [] : empty.problems.filter((p) => p.kind !== 'missing') }).toEqual({ key, other: [] });
    }
  });

  it('reads no file outside the template folders', async () => {
    expect(await source.email('../word/besluit')).toBeNull();
    expect(await source.document('../../package.json')).toBeNull();
    expect(await source.document('onbekend.docx')).toBeNull();
  });
});
