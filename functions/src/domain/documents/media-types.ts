import { extensionOf } from './file-names';

/**
 * Media types a case file accepts unless its document type names its own list, with the extensions
 * that belong to each (the first is the one added to a name without an extension). Executables,
 * scripts, HTML and SVG (which can carry script) are left out on purpose.
 */
export const defaultDocumentMediaTypes: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'application/xml': ['xml'],
  'message/rfc822': ['eml'],
  'application/vnd.ms-outlook': ['msg'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
};

/** Extensions that run code when opened; a name ending in one is refused whatever type it claims. */
const executableExtensions = new Set([
  'exe',
  'dll',
  'bat',
  'cmd',
  'com',
  'msi',
  'ps1',
  'sh',
  'js',
  'vbs',
  'scr',
  'jar',
  'hta',
  'html',
  'htm',
  'svg',
  'lnk',
]);

const extensionsOf = (mediaType: string): readonly string[] => defaultDocumentMediaTypes[mediaType] ?? [];

export type MediaTypeCheck =
  | { ok: true; fileName: string }
  | { ok: false; code: 'document.media-type-not-allowed' | 'document.extension-mismatch'; message: string };

/**
 * Is `mediaType` allowed (the document type's own list, else the default list), and does the name's
 * extension fit it? A name without a known extension gets the type's extension; one with another
 * type's extension is refused, so a `.exe` cannot arrive disguised as a PDF.
 */
export function checkMediaType(mediaType: string, fileName: string, allowed: readonly string[] | undefined): MediaTypeCheck {
  const allowList = allowed ?? Object.keys(defaultDocumentMediaTypes);
  if (!allowList.includes(mediaType)) {
    return {
      ok: false,
      code: 'document.media-type-not-allowed',
      message: `Files of type ${mediaType || '(none)'} are not accepted here; allowed: ${allowList.join(', ')}.`,
    };
  }
  const own = extensionsOf(mediaType);
  const extension = extensionOf(fileName);
  if (own.length === 0 || own.includes(extension)) return { ok: true, fileName };
  const belongsElsewhere = Object.values(defaultDocumentMediaTypes).some((list) => list.includes(extension));
  if (extension !== '' && (belongsElsewhere || executableExtensions.has(extension) || !/^[a-z0-9]{1,8}$/.test(extension))) {
    return {
      ok: false,
      code: 'document.extension-mismatch',
      message: `The name ends in .${extension}, which does not fit ${mediaType}.`,
    };
  }
  return { ok: true, fileName: `${fileName}.${own[0] ?? ''}` };
}
