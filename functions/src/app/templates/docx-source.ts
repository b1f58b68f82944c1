import PizZip from 'pizzip';

/*
 * Shipped Word templates are kept as readable sources (functions/templates/sources/*.txt) and built into
 * real .docx files (functions/templates/word/*.docx) by `npm run templates`; a test checks that the
 * committed .docx files are what their sources build. The source format, one line per paragraph:
 *
 *   % a comment (not in the document)
 *   # Heading            ## Subheading
 *   | Label | {value} |  consecutive lines form a table
 *   **bold** text        an empty line is an empty paragraph
 *
 * Placeholders ({zaak.nummer}, sections {#partijen}…{/partijen} on their own lines) pass through as text.
 */

const xmlEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Runs of a line: `**bold**` parts bold, the rest plain; spaces kept. */
function runs(text: string): string {
  return text
    .split('**')
    .map((part, i) =>
      part === ''
        ? ''
        : `<w:r>${i % 2 === 1 ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlEscape(part)}</w:t></w:r>`,
    )
    .join('');
}

const paragraph = (text: string, style?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs(text)}</w:p>`;

function table(rows: string[][]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const width = Math.floor(9000 / columns);
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${width}"/>`).join('');
  const body = rows
    .map(
      (row) =>
        `<w:tr>${Array.from({ length: columns }, (_, i) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(row[i] ?? '')}</w:tc>`).join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="Tabel"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/** The `<w:body>` content of a source text. */
export function documentBody(source: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) out.push(table(rows));
    rows = [];
  };
  for (const line of source.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')) {
    if (line.startsWith('%')) continue;
    if (line.startsWith('|')) {
      rows.push(
        line
          .replace(/^\|/, '')
          .replace(/\|\s*$/, '')
          .split('|')
          .map((cell) => cell.trim()),
      );
      continue;
    }
    flush();
    if (line.startsWith('## ')) out.push(paragraph(line.slice(3), 'Kop2'));
    else if (line.startsWith('# ')) out.push(paragraph(line.slice(2), 'Kop1'));
    else out.push(paragraph(line));
  }
  flush();
  return out.join('');
}

const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const pkgRels = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeRels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${officeRels}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${officeRels}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${officeRels}/styles" Target="styles.xml"/></Relationships>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${w}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Standaard"/><w:next w:val="Standaard"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/><w:basedOn w:val="Standaard"/><w:next w:val="Standaard"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="StandaardTabel"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="Tabel"><w:name w:val="Table Grid"/><w:basedOn w:val="StandaardTabel"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>`;

const core = (title: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(title)}</dc:title><dc:creator>Zaakwerk</dc:creator></cp:coreProperties>`;

const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Zaakwerk</Application></Properties>`;

/** The package parts of a template built from its source, by name (what the drift test compares). */
export function docxParts(source: string, title: string): Record<string, string> {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${w}" xmlns:r="${officeRels}"><w:body>${documentBody(source)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  return {
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': rootRels,
    'docProps/core.xml': core(title),
    'docProps/app.xml': app,
    'word/document.xml': document,
    'word/_rels/document.xml.rels': documentRels,
    'word/styles.xml': styles,
  };
}

/** A real .docx (a ZIP with fixed dates, so the same source gives the same bytes with the same zip library). */
export function buildDocx(source: string, title: string): Buffer {
  const zip = new PizZip();
  const date = new Date('2026-01-01T00:00:00Z');
  for (const [name, text] of Object.entries(docxParts(source, title))) zip.file(name, text, { date });
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The text parts of a .docx, by name (to compare a committed template with its source). */
export function docxTextParts(bytes: Uint8Array): Record<string, string> {
  const zip = new PizZip(bytes);
  return Object.fromEntries(
    Object.values(zip.files)
      .filter((file) => !file.dir)
      .map((file) => [file.name, file.asText()]),
  );
}

/** The visible text of word/document.xml, one line per paragraph (for checks and reviews). */
export function documentText(bytes: Uint8Array): string {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
        .map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : (m[1] ?? '')))
        .join(''),
    )
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n+$/, '');
}
