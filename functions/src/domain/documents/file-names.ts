/**
 * File names as SharePoint stores them. An uploaded name is made safe rather than refused: path
 * separators, control characters and characters SharePoint forbids become `_`, reserved device names
 * (Windows: CON, PRN, AUX, NUL, COM0-9, LPT0-9) and SharePoint's own (`.lock`, `desktop.ini`, `~$…`,
 * `_vti_`) are defused, and the length is capped with the extension kept. The original name is kept
 * separately on the document record.
 */
export const maxFileNameLength = 128;

const separators = /[/\\]+/;
// C0 and C1 control characters, and what SharePoint Online refuses in names: " * : < > ? |
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f"*:<>?|]/g;
const reservedDevice = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function sanitiseFileName(original: string, fallbackBase = 'document'): string {
  const segments = original
    .normalize('NFC')
    .split(separators)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  let name = segments
    .join('_')
    .replace(unsafe, '_')
    .replace(/_vti_/gi, 'vti')
    .replace(/^[\s.~$]+/, '')
    .replace(/[\s.]+$/, '');
  const dot = name.lastIndexOf('.');
  let base = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  if (base === '' || reservedDevice.test(base.split('.')[0] ?? '') || /^(desktop\.ini|\.lock)$/i.test(name)) {
    base = base === '' ? fallbackBase : `_${base}`;
  }
  name = `${base}${extension}`;
  if (name.length > maxFileNameLength) {
    const keep = Math.max(1, maxFileNameLength - extension.length);
    name = `${cutAt(base, keep).replace(/[\s.]+$/, '')}${extension.length < maxFileNameLength ? extension : ''}`;
  }
  return name;
}

/** The first `length` UTF-16 units, never cutting a surrogate pair in half. */
function cutAt(text: string, length: number): string {
  const cut = text.slice(0, length);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** `brief.pdf` → `pdf`; '' without an extension. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}
