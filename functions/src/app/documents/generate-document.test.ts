import type { CaseState } from '../../domain/cases';
import { renderTimelineEntry } from '../../domain/cases/timeline';
import type { CaseEvent, JsonValue } from '../../domain/events';
import { createShippedTemplates } from '../../adapters/templates/shipped-templates';
import { ConcurrencyConflict, type CaseCommit, type CaseStore, type LoadedCase } from '../../ports/case-store';
import type { DocumentStore, FileUpload, StoredFile } from '../../ports/document-store';
import { handlerAccess } from '../../test-support/access-guard';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';
import { AppError } from '../errors';
import { documentText } from '../templates/docx-source';
import { draftEmail, type DraftEmailDeps } from '../templates/draft-email';
import { docxMediaType, generateDocument, type GenerateDocumentDeps } from './generate-document';
import { sanne, silentLog } from '../../test-support/principals';

const complete = (overrides: Partial<CaseState> = {}) =>
  aCase({
    assignee: { id: 'u-1', name: 'Sanne de Vries' },
    parties: [{ role: 'aanvrager', name: 'Anna <de> Boer & Zn', email: 'anna@example.nl' }],
    ...overrides,
  });

function setup(state: CaseState) {
  let stored: LoadedCase<CaseState> = { state, etag: 'W/"1"', lastSequence: 1, lastHash: 'h1' };
  const commits: CaseCommit<JsonValue>[] = [];
  const files = new Map<string, { name: string; bytes: Buffer; fields: Record<string, string> }>();
  const caseStore: Pick<CaseStore, 'load' | 'commit'> = {
    load: <S extends JsonValue>() => Promise.resolve(stored as unknown as LoadedCase<S>),
    commit: <S extends JsonValue>(caseId: string, commit: CaseCommit<S>) => {
      if (commit.expected === 'new' || commit.expected.etag !== stored.etag)
        return Promise.reject(new ConcurrencyConflict(caseId, stored.etag));
      commits.push(commit);
      stored = { state: commit.state as unknown as CaseState, etag: 'W/"2"', lastSequence: 2, lastHash: 'h2' };
      return Promise.resolve({ etag: 'W/"2"', head: { sequence: 2, hash: 'h2' }, outboxCount: 1, outboxMarker: null });
    },
  };
  const documents = {
    async upload(_actor, file: FileUpload): Promise<StoredFile> {
      const chunks: Buffer[] = [];
      for await (const chunk of file.content) chunks.push(Buffer.from(chunk));
      const itemId = `item-${files.size + 1}`;
      files.set(itemId, { name: file.fileName, bytes: Buffer.concat(chunks), fields: file.fields });
      return { itemId, name: file.fileName, webUrl: `https://sp/${file.folder}/${file.fileName}`, versionId: '1.0', size: 0 };
    },
    delete: (_actor, itemId) => (files.delete(itemId), Promise.resolve()),
  } as Pick<DocumentStore, 'upload' | 'delete'> as DocumentStore;
  const caseType = shippedOmgevingsvergunning();
  const deps: GenerateDocumentDeps & DraftEmailDeps = {
    caseStore,
    outbox: { dispatchOutbox: () => Promise.resolve(0) },
    clock: { now: () => new Date('2026-03-03T10:00:00.000Z') },
    caseTypes: { getVersion: () => Promise.resolve(caseType) },
    documents,
    maxUploadBytes: 1024 * 1024,
    access: handlerAccess(caseType.key),
    templates: createShippedTemplates(),
  };
  return { deps, files, commits };
}

const request = { caseId: 'case-1', ifMatch: undefined, actor: { kind: 'user' as const, assertion: 'token' } };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('generateDocument', () => {
  it('renders the type’s template with the case data and files it as a generated Word document', async () => {
    const { deps, files, commits } = setup(complete());
    const { document } = await generateDocument(deps, sanne, { ...request, documentType: 'ontvangstbevestiging' }, silentLog);
    expect(document).toMatchObject({
      title: 'Ontvangstbevestiging ZAAK-2026-000001',
      fileName: 'Ontvangstbevestiging ZAAK-2026-000001.docx',
      documentType: { key: 'ontvangstbevestiging', name: 'Ontvangstbevestiging' },
      source: 'generated',
      mediaType: docxMediaType,
    });
    const file = [...files.values()][0];
    if (!file) throw new Error('no file was filed');
    const text = documentText(file.bytes);
    expect(text).toContain('ZAAK-2026-000001');
    expect(text).toContain('Geachte Anna <de> Boer & Zn,');
    expect(text).toContain('Op 2 maart 2026 hebben wij uw aanvraag (Omgevingsvergunning) ontvangen.');
    // 2 March + 8 weeks is 27 April, Koningsdag: the Atw moves the final date to the 28th.
    expect(text).toContain('Sanne de Vries behandelt uw aanvraag. Wij beslissen uiterlijk op 28 april 2026.');
    expect(text).toContain('Datum\n3 maart 2026'); // today, in the table's second cell
    expect(text).not.toMatch(/undefined|[{}]/);
    const event = commits[0]?.events[0];
    expect(event?.type).toBe('document.added');
    const entry = renderTimelineEntry({ ...event, caseId: 'case-1', sequence: 2, previousHash: '', hash: '' } as CaseEvent);
    expect(entry.summary.nl).toMatch(
      /^Sanne de Vries heeft document "Ontvangstbevestiging ZAAK-2026-000001" gemaakt uit het sjabloon/,
    );
    expect(entry.summary.en).toMatch(/generated document "Ontvangstbevestiging ZAAK-2026-000001" from its template/);
  });

  it('lists every placeholder the case cannot fill (422) and files nothing', async () => {
    const { deps, files, commits } = setup(aCase({ assignee: null }));
    const error = await refusal(generateDocument(deps, sanne, { ...request, documentType: 'verzoek-aanvulling' }, silentLog));
    expect(error).toMatchObject({ kind: 'rule-violation', code: 'template.data-missing' });
    expect(error.options.errors?.map((e) => e.path).sort()).toEqual(
      [
        'template.aanvrager.naam',
        'template.behandelaar.naam',
        'template.opschorting.reden',
        'template.opschorting.termijn',
        'template.opschorting.uiterlijk',
        'template.opschorting.vanaf',
      ].sort(),
    );
    expect(error.options.errors?.[0]?.message).toMatch(/^De zaak heeft geen waarde voor \{.+\} \/ The case has no value for/);
    expect(files.size).toBe(0);
    expect(commits).toHaveLength(0);
  });

  it('refuses a document type without a template (422), an unknown type (400) and a closed case (409)', async () => {
    const { deps } = setup(complete());
    expect(await refusal(generateDocument(deps, sanne, { ...request, documentType: 'tekening' }, silentLog))).toMatchObject({
      kind: 'rule-violation',
      code: 'document.no-template',
    });
    expect(await refusal(generateDocument(deps, sanne, { ...request, documentType: 'brief' }, silentLog))).toMatchObject({
      kind: 'invalid-input',
    });
    const closed = setup(complete({ status: 'closed', outcome: { key: 'verleend', name: 'Verleend' }, closedOn: '2026-04-01' }));
    await expect(
      generateDocument(closed.deps, sanne, { ...request, documentType: 'ontvangstbevestiging' }, silentLog),
    ).rejects.toMatchObject({ code: 'case.closed' });
  });

  it('announces the intended outcome in a decision letter, refuses an outcome the type does not have, and needs one', async () => {
    const fields = {
      projectomschrijving: 'Dakkapel',
      locatie: 'Dorpsstraat 1',
      bouwkosten: 12000,
      activiteiten: ['bouwen'],
      besluitdatum: '2026-04-20',
      advies: 'positief',
      leges: 1234.5,
    };
    const { deps, files } = setup(complete({ fields }));
    await generateDocument(deps, sanne, { ...request, documentType: 'besluit', outcome: 'geweigerd' }, silentLog);
    const file = [...files.values()][0];
    if (!file) throw new Error('no file was filed');
    expect(documentText(file.bytes)).toContain('Uw aanvraag is: Geweigerd.');

    const unknown = await refusal(
      generateDocument(deps, sanne, { ...request, documentType: 'besluit', outcome: 'misschien' }, silentLog),
    );
    expect(unknown).toMatchObject({ kind: 'invalid-input' });
    expect(JSON.stringify(unknown.options.errors)).toContain('verleend, geweigerd');

    const without = await refusal(generateDocument(deps, sanne, { ...request, documentType: 'besluit' }, silentLog));
    expect(without).toMatchObject({ code: 'template.data-missing' });
    expect(JSON.stringify(without.options.errors)).toContain('template.zaak.resultaat');
    expect(files.size).toBe(1);
  });
});

describe('draftEmail', () => {
  it('fills subject, text and HTML (values escaped) and addresses the applicant; writes nothing', async () => {
    const { deps, commits } = setup(complete({ title: 'Dakkapel <script>' }));
    const draft = await draftEmail(deps, sanne, { caseId: 'case-1', ifMatch: undefined, template: 'ontvangstbevestiging' });
    expect(draft.subject).toBe('Ontvangstbevestiging ZAAK-2026-000001: Dakkapel <script>');
    expect(draft.to).toEqual([{ name: 'Anna <de> Boer & Zn', email: 'anna@example.nl' }]);
    expect(draft.text).toContain('Geachte Anna <de> Boer & Zn,');
    expect(draft.text).toContain('Wij laten u uiterlijk op 28 april 2026 weten');
    expect(draft.html).toContain('<p>Geachte Anna &lt;de&gt; Boer &amp; Zn,</p>');
    expect(draft.html).toContain('&quot;Dakkapel &lt;script&gt;&quot;');
    expect(draft.html).not.toContain('<script>');
    expect(`${draft.subject}${draft.text}${draft.html}`).not.toMatch(/undefined|[{}]/);
    expect(commits).toHaveLength(0);
  });

  it('reports the missing applicant address and every missing placeholder; an unknown template is 422 too', async () => {
    const { deps } = setup(aCase({ parties: [{ role: 'aanvrager', name: 'Anna', email: null }] }));
    const error = await refusal(
      draftEmail(deps, sanne, { caseId: 'case-1', ifMatch: undefined, template: 'verzoek-om-aanvulling' }),
    );
    expect(error.code).toBe('template.data-missing');
    expect(error.options.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['template.aanvrager.email', 'template.opschorting.reden', 'template.behandelaar.naam']),
    );
    const unknown = await refusal(draftEmail(deps, sanne, { caseId: 'case-1', ifMatch: undefined, template: 'bestaat-niet' }));
    expect(unknown).toMatchObject({ code: 'template.not-found' });
    expect(unknown.message).toContain('ontvangstbevestiging');
  });
});
