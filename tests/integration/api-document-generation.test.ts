import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import type { CaseType, Field } from '../../functions/src/contract/case-type';
import { importDefinition, publish } from '../../functions/src/domain/case-types';
import { amsterdamToday } from '../../functions/src/domain/cases/amsterdam-today';
import { dutchDate } from '../../functions/src/domain/templates/dutch-format';
import { shippedCaseTypeFiles, startLocalApi, type LocalApi } from './support/local-api';

jest.setTimeout(240_000);

type Json = Record<string, unknown>;
type Document = Json & { id: string; source: string; title: string; mediaType: string };

/** Every document type with a template in the shipped case types: a new template is covered automatically. */
const shippedTypes: CaseType[] = shippedCaseTypeFiles().map(({ name, text }) => {
  const validation = importDefinition(text, 'yaml');
  if (!validation.valid) throw new Error(`${name} should validate`);
  return publish(validation.definition, [], { publishedAt: '2026-01-01T00:00:00.000Z' });
});
const withTemplates = shippedTypes.flatMap((caseType) =>
  caseType.documentTypes.flatMap((documentType) =>
    documentType.template
      ? [[`${caseType.key}/${documentType.key}`, caseType, documentType.key, documentType.template] as const]
      : [],
  ),
);

const fieldsOf = (caseType: CaseType): Field[] => caseType.fields.filter((field): field is Field => 'type' in field);

/** A realistic value for every field of a type, and how a letter must show it (Dutch dates and amounts). */
function realistic(field: Field): { value: unknown; shown: string } {
  const options = field.options ?? [];
  switch (field.type) {
    case 'money':
      return { value: 12000, shown: '€ 12.000,00' };
    case 'number':
      return { value: 42, shown: '42' };
    case 'date':
      return { value: '2026-02-16', shown: '16 februari 2026' };
    case 'boolean':
      return { value: true, shown: 'ja' };
    case 'choice':
      return { value: options[0]?.key, shown: options[0]?.label ?? '' };
    case 'multiChoice':
      return { value: options.slice(0, 2).map((o) => o.key), shown: `${options[0]?.label ?? ''} en ${options[1]?.label ?? ''}` };
    case 'email':
      return { value: 'contact@example.nl', shown: 'contact@example.nl' };
    case 'phone':
      return { value: '+31 20 123 4567', shown: '+31 20 123 4567' };
    case 'address':
      return { value: 'Dorpsstraat 1, 1234 AB Ons Dorp', shown: 'Dorpsstraat 1, 1234 AB Ons Dorp' };
    case 'person':
      return { value: 'Jan Jansen', shown: 'Jan Jansen' };
    default:
      return { value: `${field.label}: voorbeeldtekst`, shown: `${field.label}: voorbeeldtekst` };
  }
}

/** The visible text of word/document.xml (paragraphs and table cells one per line). */
function wordText(bytes: Uint8Array): string {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const applicant = { name: 'Anna de Boer', email: 'anna.deboer@example.nl' };
const receivedOn = '2026-03-02';

/**
 * Generated documents contain the case data (issue 7, must show): for each shipped template a case of its
 * type with realistic data is registered, taken and (when the template asks for it) suspended through the
 * API; the document is generated through HTTP, downloaded through the API and its Word text checked.
 */
describe('documents generated from the shipped templates, read back', () => {
  let local: LocalApi;
  beforeAll(async () => {
    local = await startLocalApi({ shippedCaseTypes: true });
  });
  afterAll(() => local?.stop());

  const jsonOf = async (response: Response) => (await response.json()) as Json;

  /** A case of the type with a value in every field, the applicant (and a representative when the type has one), taken by Sanne. */
  async function aCaseOf(caseType: CaseType, suspend: boolean): Promise<{ id: string; number: string; etag: string }> {
    const role = (kind: string) => caseType.roles.find((r) => r.kind === kind)?.key;
    const other = role('interestedParty');
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: {
        caseType: caseType.key,
        title: `Voorbeeld ${caseType.name}`,
        receivedOn,
        parties: [
          { role: role('applicant') ?? 'applicant', ...applicant },
          ...(other ? [{ role: other, name: 'Bureau Bouwhulp' }] : []),
        ],
        fields: Object.fromEntries(fieldsOf(caseType).map((field) => [field.key, realistic(field).value])),
      },
    });
    expect(registered.status).toBe(201);
    const body = await jsonOf(registered);
    const id = String(body.id);
    let etag = registered.headers.get('etag') ?? '';
    const step = async (path: string, json?: unknown) => {
      const response = await local.call('behandelaar', 'POST', `/cases/${id}${path}`, {
        headers: { 'if-match': etag },
        ...(json === undefined ? {} : { json }),
      });
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      etag = response.headers.get('etag') ?? '';
    };
    if ((body.assignee as Json | null)?.name !== 'Sanne de Vries') await step('/take');
    if (suspend) await step('/suspend', { on: '2026-03-09', reason: 'Een situatietekening met de maten ontbreekt', term: 'P3W' });
    return { id, number: String(body.number), etag };
  }

  it('finds templates in the shipped case types (ontvangstbevestiging, verzoek om aanvulling, besluit)', () => {
    const templates = withTemplates.map(([, , , template]) => template);
    expect(templates).toEqual(
      expect.arrayContaining(['ontvangstbevestiging.docx', 'verzoek-om-aanvulling.docx', 'besluit.docx']),
    );
  });

  it.each(withTemplates)('%s: the generated document holds the case data', async (_, caseType, documentType, template) => {
    // What the template asks for, read from the shipped template itself.
    const source = wordText(readFileSync(join(__dirname, '../../functions/templates/word', template)));
    const used = new Set([...source.matchAll(/\{([a-zA-Z.]+)\}/g)].map((m) => m[1]));
    const { id, number } = await aCaseOf(
      caseType,
      [...used].some((p) => p?.startsWith('opschorting.')),
    );

    // A decision letter announces the outcome it is generated for: the type's last one here.
    const outcomes = caseType.outcomes.flatMap((o) => ('key' in o ? [o] : []));
    const outcome = used.has('zaak.resultaat') ? outcomes[outcomes.length - 1] : undefined;
    const generated = await local.call('behandelaar', 'POST', `/cases/${id}/documents/generate`, {
      json: { documentType, ...(outcome ? { outcome: outcome.key } : {}) },
    });
    expect(generated.status).toBe(201);
    const document = (await generated.json()) as Document;
    expect(document).toMatchObject({ source: 'generated', documentType: { key: documentType } });
    expect(document.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(generated.headers.get('location')).toBe(`/api/v1/cases/${id}/documents/${document.id}`);

    const download = await local.call('behandelaar', 'GET', `/cases/${id}/documents/${document.id}/content`);
    expect(download.status).toBe(200);
    const text = wordText(new Uint8Array(await download.arrayBuffer()));

    expect(text).toContain(number);
    expect(text).toContain(applicant.name);
    expect(text).toContain('Sanne de Vries');
    expect(text).toContain('2 maart 2026'); // receivedOn
    if (used.has('vandaag')) expect(text).toContain(dutchDate(amsterdamToday(new Date())));
    if (used.has('zaak.uitersteDatum')) {
      const read = await jsonOf(await local.call('behandelaar', 'GET', `/cases/${id}`));
      expect(text).toContain(dutchDate(String((read.deadline as Json).final)));
    }
    if (outcome) expect(text).toContain(`Uw aanvraag is: ${outcome.name}.`);
    if (used.has('opschorting.uiterlijk')) expect(text).toContain('30 maart 2026'); // 9 March + 3 weeks
    for (const field of fieldsOf(caseType)) {
      if (used.has(`velden.${field.key}`))
        expect({ field: field.key, found: text.includes(realistic(field).shown) }).toEqual({ field: field.key, found: true });
    }
    expect([...used].filter((p) => p?.startsWith('velden.')).length + (used.has('zaak.zaaktype') ? 1 : 0)).toBeGreaterThan(0);
    expect(text).not.toMatch(/undefined|null|\{|\}/);

    // The timeline names the generated document.
    const timeline = await jsonOf(await local.call('behandelaar', 'GET', `/cases/${id}/timeline`));
    expect(JSON.stringify(timeline)).toContain(`gemaakt uit het sjabloon`);
  });

  it('answers 422 listing every missing placeholder and writes nothing', async () => {
    const omgevingsvergunning = shippedTypes.find((t) => t.key === 'omgevingsvergunning');
    if (!omgevingsvergunning) throw new Error('omgevingsvergunning is shipped');
    // Not suspended, no applicant, nobody assigned: the verzoek om aanvulling cannot be filled.
    const registered = await local.call('behandelaar', 'POST', '/cases', {
      json: { caseType: 'omgevingsvergunning', title: 'Zonder gegevens', receivedOn, fields: {} },
    });
    expect(registered.status).toBe(201);
    const id = String((await jsonOf(registered)).id);
    const events = (await local.caseStores().eventLog.allEvents(id)).length;

    const response = await local.call('behandelaar', 'POST', `/cases/${id}/documents/generate`, {
      json: { documentType: 'verzoek-aanvulling' },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await jsonOf(response);
    expect(problem.code).toBe('template.data-missing');
    const errors = problem.errors as { path: string; code: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        'template.aanvrager.naam',
        'template.opschorting.reden',
        'template.opschorting.termijn',
        'template.opschorting.uiterlijk',
        'template.opschorting.vanaf',
        ...((await jsonOf(await local.call('behandelaar', 'GET', `/cases/${id}`))).assignee ? [] : ['template.behandelaar.naam']),
      ].sort(),
    );
    expect(errors.every((e) => e.code === 'template.value-missing' && / \/ The case has no value for /.test(e.message))).toBe(
      true,
    );
    expect((await local.caseStores().eventLog.allEvents(id)).length).toBe(events);
    const documents = await jsonOf(await local.call('behandelaar', 'GET', `/cases/${id}/documents`));
    expect(documents.items).toEqual([]);

    // A document type without a template, and a case nobody may see.
    const noTemplate = await local.call('behandelaar', 'POST', `/cases/${id}/documents/generate`, {
      json: { documentType: 'tekening' },
    });
    expect({ status: noTemplate.status, code: (await jsonOf(noTemplate)).code }).toEqual({
      status: 422,
      code: 'document.no-template',
    });
    const invisible = await local.call('behandelaar', 'POST', `/cases/${crypto.randomUUID()}/documents/generate`, {
      json: { documentType: 'besluit' },
    });
    expect(invisible.status).toBe(404);
  });

  describe('e-mail drafts', () => {
    it('fills the ontvangstbevestiging for the applicant: subject, text and escaped HTML; nothing written', async () => {
      const klacht = shippedTypes.find((t) => t.key === 'klacht');
      if (!klacht) throw new Error('klacht is shipped');
      const { id, number } = await aCaseOf(klacht, false);
      const events = (await local.caseStores().eventLog.allEvents(id)).length;
      const response = await local.call('behandelaar', 'POST', `/cases/${id}/email-drafts`, {
        json: { template: 'ontvangstbevestiging' },
      });
      expect(response.status).toBe(200);
      const draft = await jsonOf(response);
      expect(draft.subject).toBe(`Ontvangstbevestiging ${number}: Voorbeeld Klacht`);
      expect(draft.to).toEqual([applicant]);
      expect(draft.text).toContain(`Geachte ${applicant.name},`);
      expect(draft.text).toContain('Op 2 maart 2026 hebben wij uw Klacht "Voorbeeld Klacht" ontvangen');
      expect(draft.text).toContain('Sanne de Vries behandelt uw zaak.');
      expect(draft.html).toContain('<p>Geachte Anna de Boer,</p>');
      expect(draft.html).toContain('&quot;Voorbeeld Klacht&quot;');
      for (const part of [draft.subject, draft.text, draft.html]) expect(part).not.toMatch(/undefined|null|[{}]/);
      expect((await local.caseStores().eventLog.allEvents(id)).length).toBe(events);
    });

    it('fills the verzoek om aanvulling from the suspension, and lists what is missing otherwise', async () => {
      const subsidie = shippedTypes.find((t) => t.key === 'subsidieaanvraag');
      if (!subsidie) throw new Error('subsidieaanvraag is shipped');
      const suspended = await aCaseOf(subsidie, true);
      const draft = await jsonOf(
        await local.call('behandelaar', 'POST', `/cases/${suspended.id}/email-drafts`, {
          json: { template: 'verzoek-om-aanvulling' },
        }),
      );
      expect(draft.text).toContain('Een situatietekening met de maten ontbreekt');
      expect(draft.text).toContain('binnen 3 weken aanleveren, uiterlijk op 30 maart 2026');

      const open = await aCaseOf(subsidie, false);
      const refused = await local.call('behandelaar', 'POST', `/cases/${open.id}/email-drafts`, {
        json: { template: 'verzoek-om-aanvulling' },
      });
      expect(refused.status).toBe(422);
      const paths = ((await jsonOf(refused)).errors as { path: string }[]).map((e) => e.path).sort();
      expect(paths).toEqual([
        'template.opschorting.reden',
        'template.opschorting.termijn',
        'template.opschorting.uiterlijk',
        'template.opschorting.vanaf',
      ]);
      const unknown = await local.call('behandelaar', 'POST', `/cases/${open.id}/email-drafts`, { json: { template: 'nope' } });
      expect({ status: unknown.status, code: (await jsonOf(unknown)).code }).toEqual({ status: 422, code: 'template.not-found' });
    });
  });
});
