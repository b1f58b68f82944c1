import PizZip from 'pizzip';
import type { TemplateData } from '../../domain/templates/template-data';
import { buildDocx, documentText } from './docx-source';
import { renderDocx, renderText, templateDataMissing } from './render-template';

const data: TemplateData = {
  zaak: { nummer: 'ZAAK-2026-000042', titel: 'Kap & <bomen>', resultaat: null },
  aanvrager: { naam: 'Anna de Boer', email: null },
  partijen: [
    { rol: 'Aanvrager', naam: 'Anna de Boer', email: null },
    { rol: 'Gemachtigde', naam: 'Bureau Bouwhulp', email: 'info@bouwhulp.nl' },
  ],
  velden: { omschrijving: 'Regel één\nRegel twee', bedrag: '€ 12.000,00' },
  vandaag: '28 november 2026',
};

const render = (source: string) => renderDocx(buildDocx(source, 'Test'), data);

describe('renderDocx: a Word template filled from case data', () => {
  it('fills placeholders, tables, loops and line breaks, and the result is a Word package', () => {
    const result = render(
      [
        '# Besluit {zaak.nummer}',
        '| Onderwerp | {zaak.titel} |',
        'Geachte {aanvrager.naam}, u vroeg **{velden.bedrag}** aan op {vandaag}.',
        '{#partijen}',
        '{rol}: {naam}',
        '{/partijen}',
        '{velden.omschrijving}',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const text = documentText(result.bytes);
    expect(text).toContain('Besluit ZAAK-2026-000042');
    expect(text).toContain('Kap & <bomen>');
    expect(text).toContain('Geachte Anna de Boer, u vroeg € 12.000,00 aan op 28 november 2026.');
    expect(text).toContain('Aanvrager: Anna de Boer\nGemachtigde: Bureau Bouwhulp');
    expect(text).toContain('Regel één\nRegel twee');
    expect(text).not.toMatch(/undefined|[{}]/);
    const zip = new PizZip(result.bytes);
    expect(zip.file('[Content_Types].xml')?.asText()).toContain('wordprocessingml.document.main+xml');
    // Values are XML-escaped in the document, never raw markup.
    expect(zip.file('word/document.xml')?.asText()).toContain('Kap &amp; &lt;bomen&gt;');
  });

  it('lists every placeholder without a value, with its loop position, and every unknown one; renders nothing', () => {
    const result = render(
      [
        'Aan {aanvrager.email}, {zaak.resultaat}',
        '{#partijen}',
        '{naam} <{email}>',
        '{/partijen}',
        '{zaak.nummr} {onbekend.veld}',
        '{#bijlagen}{naam}{/bijlagen}',
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { kind: 'missing', placeholder: 'aanvrager.email' },
        { kind: 'missing', placeholder: 'zaak.resultaat' },
        { kind: 'missing', placeholder: 'partijen[0].email' },
        { kind: 'unknown', placeholder: 'zaak.nummr' },
        { kind: 'unknown', placeholder: 'onbekend.veld' },
        { kind: 'unknown', placeholder: 'bijlagen' },
      ]),
    );
    expect(result.problems).toHaveLength(6);
  });

  it('leaves out a section over a value the case does not have, without reporting it', () => {
    const result = render(
      '{#zaak.resultaat}Resultaat: {zaak.resultaat}{/zaak.resultaat}{^zaak.resultaat}Nog geen resultaat{/zaak.resultaat}',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(documentText(result.bytes)).toBe('Nog geen resultaat');
  });

  it('reports a broken template (an unclosed tag) instead of throwing', () => {
    const result = render('Geachte {aanvrager.naam');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ kind: 'invalid' });
  });

  it('becomes a 422 problem listing each placeholder with a Dutch and English message', () => {
    const error = templateDataMissing('besluit.docx', [
      { kind: 'missing', placeholder: 'aanvrager.email' },
      { kind: 'unknown', placeholder: 'zaak.nummr' },
    ]);
    expect(error).toMatchObject({ kind: 'rule-violation', code: 'template.data-missing' });
    expect(error.options.errors).toEqual([
      {
        path: 'template.aanvrager.email',
        code: 'template.value-missing',
        message: 'De zaak heeft geen waarde voor {aanvrager.email} / The case has no value for {aanvrager.email}',
      },
      {
        path: 'template.zaak.nummr',
        code: 'template.placeholder-unknown',
        message: '{zaak.nummr} is geen bekend veld / {zaak.nummr} is not a known placeholder',
      },
    ]);
  });
});

describe('renderText: e-mail templates', () => {
  it('fills plain text and escapes values when asked (HTML)', () => {
    expect(renderText('Betreft {zaak.titel} ({zaak.nummer})', data)).toEqual({
      ok: true,
      text: 'Betreft Kap & <bomen> (ZAAK-2026-000042)',
    });
    const html = renderText('<b>{zaak.titel}</b>', data, (v) =>
      v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    );
    expect(html).toEqual({ ok: true, text: '<b>Kap &amp; &lt;bomen&gt;</b>' });
  });

  it('reports missing and unknown placeholders the same way', () => {
    expect(renderText('{aanvrager.email} {zaak.titl}', data)).toEqual({
      ok: false,
      problems: [
        { kind: 'missing', placeholder: 'aanvrager.email' },
        { kind: 'unknown', placeholder: 'zaak.titl' },
      ],
    });
  });
});
